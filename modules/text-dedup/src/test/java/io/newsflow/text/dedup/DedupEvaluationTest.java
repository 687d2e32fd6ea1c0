/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's duplicate-detection benchmark: generates the labelled set from the sample articles and
 * checks the chosen method against the goals (precision >= 0.99, recall >= 0.95), logging both methods'
 * figures so the choice in {@link NearDuplicateFingerprint} can be re-examined.
 */
class DedupEvaluationTest {

    private static final Logger log = LoggerFactory.getLogger(DedupEvaluationTest.class);
    private static final List<BaseArticle> SAMPLES = SampleArticles.load();

    private static List<LabelledPair> pairs(long seed) {
        return new DuplicatePairGenerator(seed, 2, 150).generate(SAMPLES);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7, 2026})
    void chosenMethodMeetsTheGoals(long seed) {
        List<LabelledPair> pairs = pairs(seed);
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(200);

        DedupEvaluation.Report minHash = DedupEvaluation.evaluate(pairs, NearDuplicateFingerprint.SCHEME);
        // SimHash within the 8-key budget (Hamming 7), and with the 14 keys it would need (Hamming 13).
        DedupEvaluation.Report simHash = DedupEvaluation.evaluate(pairs, new SimHashScheme(3, 7, 30));
        DedupEvaluation.Report wideSimHash = DedupEvaluation.evaluate(pairs, new SimHashScheme(3, 13, 30));
        log.info("seed {}: {} pairs\n{}\n{}\n{}", seed, pairs.size(), minHash, simHash, wideSimHash);

        assertThat(minHash.precision()).as("precision").isGreaterThanOrEqualTo(0.99);
        assertThat(minHash.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        for (PairKind kind : PairKind.values()) {
            if (kind.isDuplicate()) {
                assertThat(minHash.detectedRate(kind)).as("recall of " + kind).isGreaterThanOrEqualTo(0.9);
            } else {
                assertThat(minHash.detectedRate(kind)).as("false positives on " + kind).isLessThanOrEqualTo(0.01);
            }
        }
    }

    @Test
    void reportCountsAddUp() {
        List<LabelledPair> pairs = pairs(42);
        DedupEvaluation.Report report = DedupEvaluation.evaluate(pairs, NearDuplicateFingerprint.SCHEME);
        long duplicates = pairs.stream().filter(LabelledPair::isDuplicate).count();
        assertThat(report.truePositives() + report.falseNegatives()).isEqualTo(duplicates);
        assertThat(report.falsePositives() + report.trueNegatives()).isEqualTo(pairs.size() - duplicates);
        assertThat(report.byKind().values().stream().mapToInt(DedupEvaluation.KindFigures::pairs).sum())
                .isEqualTo(pairs.size());
        assertThat(report.storedBytes()).isEqualTo(2 * NearDuplicateFingerprint.SLOTS);
    }

    @Test
    void evaluationCanFailAScheme() {
        // A scheme with an impossible threshold finds only the exact (content-hash) copies: the harness
        // really measures, it does not assume success.
        DedupEvaluation.Report strict = DedupEvaluation.evaluate(pairs(42), new MinHashScheme(3, 128, 8, 2, 1.01, 30));
        assertThat(strict.recall()).isLessThan(0.5);
        assertThat(strict.detectedRate(PairKind.WHITESPACE_AND_QUOTES)).isEqualTo(1.0);
        DedupEvaluation.Report lax = DedupEvaluation.evaluate(pairs(42), new MinHashScheme(1, 16, 16, 1, 0.0, 0));
        assertThat(lax.precision()).isLessThan(0.99);
    }

    @Test
    void logsThroughputAndStoredSize() {
        // A figure for the report, not a goal check: speed assertions belong in the JMH benchmarks. Thread CPU
        // time is reported beside wall time because the build machine is shared.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> bodies = SAMPLES.stream().map(BaseArticle::body).toList();
        int sink = 0;
        int rounds = 200;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String body : bodies) {
                sink += NearDuplicateFingerprint.of(body).wordCount();
            }
        }
        int articles = rounds * bodies.size();
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        log.info("fingerprinted {} articles of ~200 words (JIT warm-up included): {} articles/s per "
                        + "thread-CPU-second, {} per wall-clock second; {} bytes per stored fingerprint",
                articles, String.format(Locale.ROOT, "%.0f", articles / cpuSeconds),
                String.format(Locale.ROOT, "%.0f", articles / wallSeconds), NearDuplicateFingerprint.SERIALIZED_SIZE);
        assertThat(sink).isPositive();
    }
}
