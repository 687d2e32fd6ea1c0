package io.newsflow.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupKeyKindTest {

    @Test
    void urlKeysHaveOneLengthSoThatNoKeyIsAPrefixOfAnother() {
        // The window store's fetch for a key scans every key it prefixes: ".../1" must not prefix ".../10".
        String one = DedupKeyKind.CANONICAL_URL.key("https://gazette.example/story/1");
        String ten = DedupKeyKind.CANONICAL_URL.key("https://gazette.example/story/10");
        assertThat(one).startsWith("url:").hasSize(ten.length()).isNotEqualTo(ten);
        assertThat(ten).doesNotStartWith(one);
        assertThat(DedupKeyKind.CANONICAL_URL.key("https://gazette.example/story/1")).isEqualTo(one);
    }

    @Test
    void contentHashAndBandKeysKeepTheirValue() {
        assertThat(DedupKeyKind.CONTENT_HASH.key("ab12")).isEqualTo("hash:ab12");
        assertThat(DedupKeyKind.FINGERPRINT_BAND.key("0:0123abcd")).isEqualTo("band:0:0123abcd");
    }
}
