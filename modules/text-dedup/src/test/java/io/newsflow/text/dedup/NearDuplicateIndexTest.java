/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    private static final List<BaseArticle> SAMPLES = SampleArticles.load();
    private final DuplicatePairGenerator generator = new DuplicatePairGenerator(1, 1, 0);

    private static NearDuplicateFingerprint fingerprint(BaseArticle article) {
        return NearDuplicateFingerprint.of(article.body());
    }

    private NearDuplicateFingerprint editedCopy(BaseArticle article, PairKind kind) {
        return NearDuplicateFingerprint.of(generator.edit(article, kind, new Random(3)));
    }

    @Test
    void findsTheOriginalOfAnEditedCopyAndNothingForOtherStories() {
        NearDuplicateIndex index = new NearDuplicateIndex(100);
        for (BaseArticle sample : SAMPLES) {
            assertThat(index.findOriginal(sample.name(), fingerprint(sample))).as(sample.name()).isEmpty();
            index.add(sample.name(), fingerprint(sample));
        }
        int found = 0;
        for (BaseArticle sample : SAMPLES) {
            Optional<NearDuplicateIndex.Match> match =
                    index.findOriginal("copy", editedCopy(sample, PairKind.REPUBLISHED));
            if (match.isPresent()) {
                found++;
                assertThat(match.get().originalId()).isEqualTo(sample.name());
                assertThat(match.get().similarity())
                        .isGreaterThanOrEqualTo(NearDuplicateFingerprint.NEAR_DUPLICATE_THRESHOLD);
            }
        }
        // Banding is probabilistic: a copy at Jaccard 0.56 shares a band with probability 0.95, so one miss in a
        // few dozen short samples is expected (DedupEvaluationTest measures recall on 1,740 pairs).
        assertThat(found).isGreaterThanOrEqualTo(SAMPLES.size() - 2);
    }

    @Test
    void neverMatchesAnArticleWithItself() {
        NearDuplicateIndex index = new NearDuplicateIndex(10);
        BaseArticle sample = SAMPLES.get(0);
        index.add("a", fingerprint(sample));
        assertThat(index.findOriginal("a", fingerprint(sample))).isEmpty();
        assertThat(index.findOriginal("b", fingerprint(sample)))
                .map(NearDuplicateIndex.Match::originalId).contains("a");
    }

    @Test
    void prefersTheMostSimilarThenTheEarliest() {
        NearDuplicateIndex index = new NearDuplicateIndex(10);
        BaseArticle sample = SAMPLES.get(2);
        index.add("cut", editedCopy(sample, PairKind.DROPPED_PARAGRAPH));
        index.add("first-exact", fingerprint(sample));
        index.add("second-exact", fingerprint(sample));
        assertThat(index.findOriginal("new", fingerprint(sample)))
                .map(NearDuplicateIndex.Match::originalId).contains("first-exact");
    }

    @Test
    void evictsTheOldestBeyondCapacity() {
        NearDuplicateIndex index = new NearDuplicateIndex(3);
        for (int i = 0; i < 5; i++) {
            index.add(SAMPLES.get(i).name(), fingerprint(SAMPLES.get(i)));
        }
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.idsInInsertionOrder())
                .containsExactly(SAMPLES.get(2).name(), SAMPLES.get(3).name(), SAMPLES.get(4).name());
        assertThat(index.findOriginal("x", fingerprint(SAMPLES.get(0)))).isEmpty();
        assertThat(index.findOriginal("x", fingerprint(SAMPLES.get(4)))).isPresent();
        assertThat(index.bandCount()).isLessThanOrEqualTo(3 * NearDuplicateFingerprint.BANDS);
    }

    @Test
    void removeForgetsAllBands() {
        NearDuplicateIndex index = new NearDuplicateIndex(10);
        index.add("a", fingerprint(SAMPLES.get(0)));
        assertThat(index.remove("a")).isTrue();
        assertThat(index.remove("a")).isFalse();
        assertThat(index.size()).isZero();
        assertThat(index.bandCount()).isZero();
        assertThat(index.findOriginal("b", fingerprint(SAMPLES.get(0)))).isEmpty();
    }

    @Test
    void tooShortBodiesAreNeitherIndexedNorMatched() {
        NearDuplicateIndex index = new NearDuplicateIndex(10);
        NearDuplicateFingerprint brief = NearDuplicateFingerprint.of("Markets closed early for the holiday.");
        index.add("a", brief);
        assertThat(index.bandCount()).isZero();
        assertThat(index.findOriginal("b", brief)).isEmpty();
    }
}
