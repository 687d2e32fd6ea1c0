/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MinHashSchemeTest {

    private static final MinHashScheme SCHEME = NearDuplicateFingerprint.SCHEME;

    @Test
    void similarityEstimatesTheJaccardSimilarityOfTheShingleSets() {
        // Bodies of distinct made-up words sharing a known run: the estimate must track the true Jaccard index.
        SplittableRandom random = new SplittableRandom(5);
        double worstError = 0;
        double sumError = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            int shared = 20 + random.nextInt(800);
            int ownA = random.nextInt(600);
            int ownB = random.nextInt(600);
            List<String> common = words(random, shared);
            String a = String.join(" ", concat(common, words(random, ownA)));
            String b = String.join(" ", concat(words(random, ownB), common));
            double jaccard = trueJaccard(a, b);
            double estimate = SCHEME.similarity(SCHEME.fingerprint(a), SCHEME.fingerprint(b));
            worstError = Math.max(worstError, Math.abs(estimate - jaccard));
            sumError += Math.abs(estimate - jaccard);
        }
        // One estimate from 128 slots has a standard error of at most 0.044 (sqrt(0.25/128)).
        assertThat(sumError / trials).as("mean absolute error").isLessThan(0.04);
        assertThat(worstError).as("worst error").isLessThan(0.2);
    }

    @Test
    void shortBodiesFillEverySlotAndStayComparable() {
        SplittableRandom random = new SplittableRandom(9);
        List<String> words = words(random, 40); // 38 shingles for 128 slots: most slots are borrowed
        String body = String.join(" ", words);
        MinHashScheme.Signature signature = SCHEME.fingerprint(body);
        assertThat(signature.wordCount()).isEqualTo(40);
        assertThat(new String(signature.slots()).chars().distinct().count())
                .as("distinct slot values").isBetween(20L, 38L);
        assertThat(SCHEME.similarity(signature, SCHEME.fingerprint(body))).isEqualTo(1.0);
        String edited = String.join(" ", words.subList(0, 36)) + " " + String.join(" ", words(random, 4));
        double jaccard = trueJaccard(body, edited);
        assertThat(SCHEME.similarity(signature, SCHEME.fingerprint(edited))).isCloseTo(jaccard,
                org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void signatureDependsOnlyOnTheTextAndFixedSeeds() {
        MinHashScheme other = new MinHashScheme(NearDuplicateFingerprint.SHINGLE_WORDS, NearDuplicateFingerprint.SLOTS,
                NearDuplicateFingerprint.BANDS, NearDuplicateFingerprint.ROWS, 0.5, 30);
        for (BaseArticle article : SampleArticles.load()) {
            assertThat(other.fingerprint(article.body()).slots()).as(article.name())
                    .isEqualTo(SCHEME.fingerprint(article.body()).slots());
        }
    }

    @Test
    void slotCountMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new MinHashScheme(3, 100, 8, 2, 0.5, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }

    private static double trueJaccard(String a, String b) {
        ShingleHasher shingler = new ShingleHasher(NearDuplicateFingerprint.SHINGLE_WORDS);
        java.util.Set<Long> x = java.util.Arrays.stream(shingler.shingles(ShingleHasher.wordHashes(a))).boxed()
                .collect(Collectors.toSet());
        java.util.Set<Long> y = java.util.Arrays.stream(shingler.shingles(ShingleHasher.wordHashes(b))).boxed()
                .collect(Collectors.toSet());
        java.util.Set<Long> union = new java.util.HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    private static List<String> words(SplittableRandom random, int count) {
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(6);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
