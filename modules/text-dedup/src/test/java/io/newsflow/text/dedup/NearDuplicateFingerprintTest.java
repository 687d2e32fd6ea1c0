/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NearDuplicateFingerprintTest {

    private static final Map<String, BaseArticle> SAMPLES = SampleArticles.load().stream()
            .collect(Collectors.toMap(BaseArticle::name, a -> a));

    private static BaseArticle sample(String name) {
        return SAMPLES.get(name);
    }

    @Test
    void roundTripsThroughBytes() {
        NearDuplicateFingerprint fingerprint = NearDuplicateFingerprint.of(sample("05-flood-warning").body());
        byte[] bytes = fingerprint.toBytes();
        assertThat(bytes).hasSize(NearDuplicateFingerprint.SERIALIZED_SIZE);
        NearDuplicateFingerprint read = NearDuplicateFingerprint.fromBytes(bytes);
        assertThat(read).isEqualTo(fingerprint).hasSameHashCodeAs(fingerprint);
        assertThat(read.bandKeys()).isEqualTo(fingerprint.bandKeys());
        assertThat(read.wordCount()).isEqualTo(fingerprint.wordCount());
        assertThat(read.signature()).containsExactly(fingerprint.signature());
    }

    @Test
    void rejectsBytesOfAnotherFormat() {
        byte[] bytes = NearDuplicateFingerprint.of(sample("05-flood-warning").body()).toBytes();
        byte[] wrongVersion = bytes.clone();
        wrongVersion[0] = 9;
        assertThatThrownBy(() -> NearDuplicateFingerprint.fromBytes(wrongVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> NearDuplicateFingerprint.fromBytes(new byte[10]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NearDuplicateFingerprint.fromBytes(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isDeterministic() {
        String body = sample("11-tech-layoffs").body();
        assertThat(NearDuplicateFingerprint.of(body)).isEqualTo(NearDuplicateFingerprint.of(body));
        assertThat(NearDuplicateFingerprint.of(body).similarity(NearDuplicateFingerprint.of(body))).isEqualTo(1.0);
    }

    @Test
    void editedCopyIsNearDuplicateAndSharesABandKey() {
        BaseArticle original = sample("01-port-strike-day3");
        List<String> paragraphs = new ArrayList<>(original.paragraphs());
        paragraphs.remove(4);
        paragraphs.add("Reporting by Mira Falk; editing by Owen Price");
        String edited = BaseArticle.render("UPDATE 1-" + original.headline(), paragraphs);

        NearDuplicateFingerprint a = NearDuplicateFingerprint.of(original.body());
        NearDuplicateFingerprint b = NearDuplicateFingerprint.of(edited);
        assertThat(a.isNearDuplicateOf(b)).isTrue();
        assertThat(b.isNearDuplicateOf(a)).isTrue();
        assertThat(a.similarity(b)).isBetween(NearDuplicateFingerprint.NEAR_DUPLICATE_THRESHOLD, 0.999);
        assertThat(a.bandKeys()).hasSize(NearDuplicateFingerprint.BANDS).doesNotHaveDuplicates();
        assertThat(a.bandKeys()).containsAnyElementsOf(b.bandKeys());
    }

    @Test
    void differentStoriesOnTheSameEventAreNotNearDuplicates() {
        NearDuplicateFingerprint day3 = NearDuplicateFingerprint.of(sample("01-port-strike-day3").body());
        NearDuplicateFingerprint day4 = NearDuplicateFingerprint.of(sample("02-port-strike-day4").body());
        assertThat(day3.isNearDuplicateOf(day4)).isFalse();
        assertThat(day3.similarity(day4)).isLessThan(0.2);
    }

    @Test
    void shortBodiesOnlyMatchExactly() {
        String brief = "Police closed the Tollgate Bridge on Monday after a lorry hit the railings. No one was hurt.";
        NearDuplicateFingerprint a = NearDuplicateFingerprint.of(brief);
        NearDuplicateFingerprint b = NearDuplicateFingerprint.of(brief);
        assertThat(a.isTooShortForNear()).isTrue();
        assertThat(a.bandKeys()).isEmpty();
        assertThat(a.isNearDuplicateOf(b)).isFalse();
        assertThat(NearDuplicateFingerprint.of(sample("24-marathon").body()).isTooShortForNear()).isFalse();
        assertThat(NearDuplicateFingerprint.of("").isTooShortForNear()).isTrue();
    }
}
