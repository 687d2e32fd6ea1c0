/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures duplicate detection on a labelled set of pairs the way the pipeline decides: a pair is detected
 * when the content hashes are equal, or when the two fingerprints share a band key (so the index would
 * compare them at all) and the scheme calls them near duplicates.
 */
public final class DedupEvaluation {

    private DedupEvaluation() {
    }

    /** Figures for one pair kind. */
    public record KindFigures(PairKind kind, int pairs, int detected, int candidates,
                              double minSimilarity, double meanSimilarity, double maxSimilarity) {
    }

    /** Overall and per-kind figures of one scheme on one pair set. */
    public record Report(String scheme, int storedBytes, int truePositives, int falsePositives,
                         int falseNegatives, int trueNegatives, Map<PairKind, KindFigures> byKind) {

        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 1.0 : (double) truePositives / flagged;
        }

        public double recall() {
            int duplicates = truePositives + falseNegatives;
            return duplicates == 0 ? 1.0 : (double) truePositives / duplicates;
        }

        /** Detected fraction of {@code kind} pairs: recall for duplicate kinds, false-positive rate for others. */
        public double detectedRate(PairKind kind) {
            KindFigures figures = byKind.get(kind);
            return figures == null || figures.pairs() == 0 ? 0.0 : (double) figures.detected() / figures.pairs();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT,
                    "%s (%d bytes stored): precision %.4f, recall %.4f (tp %d, fp %d, fn %d, tn %d)%n",
                    scheme, storedBytes, precision(), recall(), truePositives, falsePositives, falseNegatives,
                    trueNegatives));
            out.append(String.format(Locale.ROOT, "  %-27s %5s %8s %10s %22s%n",
                    "kind", "pairs", "detected", "same-band", "similarity min/mean/max"));
            for (KindFigures f : byKind.values()) {
                out.append(String.format(Locale.ROOT, "  %-27s %5d %8d %10d %8.3f/%6.3f/%6.3f%n",
                        f.kind(), f.pairs(), f.detected(), f.candidates(),
                        f.minSimilarity(), f.meanSimilarity(), f.maxSimilarity()));
            }
            return out.toString();
        }
    }

    public static <F> Report evaluate(List<LabelledPair> pairs, NearDuplicateScheme<F> scheme) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        Map<PairKind, int[]> counts = new EnumMap<>(PairKind.class);
        Map<PairKind, double[]> similarities = new EnumMap<>(PairKind.class);
        for (LabelledPair pair : pairs) {
            F first = scheme.fingerprint(pair.first());
            F second = scheme.fingerprint(pair.second());
            boolean sameHash = ContentHash.of(pair.first()).equals(ContentHash.of(pair.second()));
            boolean sharesBand = sharesBand(scheme.bandKeys(first), scheme.bandKeys(second));
            boolean detected = sameHash || (sharesBand && scheme.isNearDuplicate(first, second));
            double similarity = scheme.similarity(first, second);

            int[] c = counts.computeIfAbsent(pair.kind(), k -> new int[3]);
            c[0]++;
            c[1] += detected ? 1 : 0;
            c[2] += sharesBand ? 1 : 0;
            double[] s = similarities.computeIfAbsent(pair.kind(),
                    k -> new double[] {Double.MAX_VALUE, 0, -Double.MAX_VALUE});
            s[0] = Math.min(s[0], similarity);
            s[1] += similarity;
            s[2] = Math.max(s[2], similarity);

            if (pair.isDuplicate()) {
                if (detected) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (detected) {
                fp++;
            } else {
                tn++;
            }
        }
        Map<PairKind, KindFigures> byKind = new EnumMap<>(PairKind.class);
        counts.forEach((kind, c) -> {
            double[] s = similarities.get(kind);
            byKind.put(kind, new KindFigures(kind, c[0], c[1], c[2], s[0], s[1] / c[0], s[2]));
        });
        return new Report(scheme.name(), scheme.storedBytes(), tp, fp, fn, tn, Collections.unmodifiableMap(byKind));
    }

    private static boolean sharesBand(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> keys = new HashSet<>(a);
        for (String key : b) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
