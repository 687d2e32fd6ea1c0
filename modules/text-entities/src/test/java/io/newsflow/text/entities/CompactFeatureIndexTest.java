package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.util.HashIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CompactFeatureIndexTest {

    @Test
    void answersEveryLookupAsTheMapItCopies() {
        Random random = new Random(20261125);
        HashIndex<String> features = new HashIndex<>();
        for (int i = 0; i < 50_000; i++) {
            features.add(randomFeature(random));
        }
        // distinct strings with one hash code, and a few beyond Latin-1
        features.addAll(List.of("Aa-WORD|C", "BB-WORD|C", "AaAa", "BBBB", "AaBB", "BBAa", "Kyiv’s-WORD|C", "東京-WORD|C", ""));
        CompactFeatureIndex compact = CompactFeatureIndex.of(features);

        assertThat(compact).isNotNull();
        assertThat(compact.size()).isEqualTo(features.size());
        List<String> probes = new ArrayList<>(features.objectsList());
        for (int i = 0; i < 50_000; i++) {
            probes.add(randomFeature(random)); // mostly absent
        }
        probes.addAll(List.of("AaAa-", "BBBBB", "Kyiv's-WORD|C", "東京-WORD|c", "Aa-WORD|", "Aa-WORD|CC"));
        int absent = 0;
        for (String probe : probes) {
            int expected = features.indexOf(probe);
            assertThat(compact.indexOf(probe)).as(probe).isEqualTo(expected);
            char[] spelled = (probe + "tail").toCharArray(); // only the first probe.length() count
            assertThat(compact.indexOf(spelled, probe.length())).as("chars %s", probe).isEqualTo(expected);
            if (expected < 0) {
                absent++;
            }
        }
        assertThat(absent).as("the probes include strings the index does not hold").isGreaterThan(20_000);
        assertThat(compact.indexOf(null)).isEqualTo(-1);
        assertThat(compact.get(123)).isEqualTo(features.get(123));
    }

    @Test
    void keepsIndicesAboveSixteenBits() {
        HashIndex<String> features = new HashIndex<>();
        for (int i = 0; i < 200_000; i++) {
            features.add("f" + i);
        }
        CompactFeatureIndex compact = CompactFeatureIndex.of(features);

        assertThat(compact.indexOf("f199999")).isEqualTo(199_999);
        assertThat(compact.indexOf("f65536")).isEqualTo(65_536);
        assertThat(compact.indexOf("f200000")).isEqualTo(-1);
    }

    private static String randomFeature(Random random) {
        String[] suffixes = {"-WORD|C", "-DISJN|C", "-PSEQW|CpC", "-TYPE|C", "#|C"};
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(6)));
        }
        return out.append(suffixes[random.nextInt(suffixes.length)]).toString();
    }
}
