package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ie.crf.CliquePotentialFunction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The direct decoder against brute force: on small random linear CRFs, the sequence it returns is the one
 * with the highest total clique potential among all label sequences that start after the background label.
 */
class CrfViterbiDecoderTest {

    private static final int CLASSES = 3;
    private static final int BACKGROUND = 0;
    private static final int FEATURES = 12;

    @Test
    void findsTheHighestScoringSequenceOfEveryLength() {
        Random random = new Random(20261125L);
        for (int trial = 0; trial < 300; trial++) {
            int length = 1 + trial % 6;
            RandomCrf crf = new RandomCrf(random, allPairs());
            int[][][] features = crf.features(length);

            int[] decoded = crf.decoder().bestSequence(features, null);

            assertThat(decoded).as("trial %d", trial).containsExactly(crf.bruteForceBest(features));
        }
    }

    @Test
    void neverUsesALabelPairTheModelNeverSaw() {
        Random random = new Random(7L);
        // the model saw every pair except "1 follows 2" and "2 follows background"
        List<int[]> seen = new ArrayList<>(allPairs());
        seen.removeIf(pair -> (pair[0] == 2 && pair[1] == 1) || (pair[0] == BACKGROUND && pair[1] == 2));
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + trial % 5;
            RandomCrf crf = new RandomCrf(random, seen);
            int[][][] features = crf.features(length);

            int[] decoded = crf.decoder().bestSequence(features, null);

            assertThat(decoded).as("trial %d", trial).containsExactly(crf.bruteForceBest(features));
            assertThat(decoded[0]).isNotEqualTo(2);
            for (int i = 1; i < decoded.length; i++) {
                assertThat(decoded[i - 1] == 2 && decoded[i] == 1).isFalse();
            }
        }
    }

    @Test
    void featureValuesScaleTheWeights() {
        // feature 0 favours label 1 by weight 1; feature 1 favours label 2 by weight 2 but is present at 0.25
        float[][] weights = new float[FEATURES][];
        weights[0] = new float[] {0f, 1f, 0f};
        weights[1] = new float[] {0f, 0f, 2f};
        CrfViterbiDecoder decoder = new CrfViterbiDecoder(linear(weights), CLASSES, BACKGROUND, nodes(), zeroEdges());
        int[][][] features = {{{0, 1}, {}}};

        assertThat(decoder.bestSequence(features, null)).containsExactly(2);
        assertThat(decoder.bestSequence(features, new double[][][] {{{1.0, 0.25}, {}}})).containsExactly(1);
    }

    private static List<int[]> allPairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int p = 0; p < CLASSES; p++) {
            for (int c = 0; c < CLASSES; c++) {
                pairs.add(new int[] {p, c});
            }
        }
        return pairs;
    }

    private static int[][] nodes() {
        int[][] nodes = new int[CLASSES][];
        for (int c = 0; c < CLASSES; c++) {
            nodes[c] = new int[] {c};
        }
        return nodes;
    }

    /** Every pair seen, with no edge feature ever active. */
    private static int[][] zeroEdges() {
        return allPairs().toArray(new int[0][]);
    }

    /** Sum of the weights of the active features for one label configuration, times their values if any. */
    private static CliquePotentialFunction linear(float[][] weights) {
        return (cliqueSize, labelIndex, features, values, position) -> {
            double sum = 0;
            for (int f = 0; f < features.length; f++) {
                double weight = weights[features[f]] == null ? 0 : weights[features[f]][labelIndex];
                sum += values == null ? weight : weight * values[f];
            }
            return sum;
        };
    }

    /** A tiny linear CRF: node features 0..5, edge features 6..11, random weights, a shuffled label order. */
    private static final class RandomCrf {
        private final Random random;
        private final int[][] edges;
        private final float[][] weights = new float[FEATURES][];

        RandomCrf(Random random, List<int[]> seenPairs) {
            this.random = random;
            List<int[]> shuffled = new ArrayList<>(seenPairs);
            Collections.shuffle(shuffled, random);
            this.edges = shuffled.toArray(new int[0][]);
            for (int f = 0; f < FEATURES; f++) {
                int columns = f < FEATURES / 2 ? CLASSES : edges.length;
                weights[f] = new float[columns];
                for (int k = 0; k < columns; k++) {
                    weights[f][k] = (float) random.nextGaussian();
                }
            }
        }

        CrfViterbiDecoder decoder() {
            return new CrfViterbiDecoder(linear(weights), CLASSES, BACKGROUND, nodes(), edges);
        }

        int[][][] features(int length) {
            int[][][] features = new int[length][2][];
            for (int i = 0; i < length; i++) {
                features[i][0] = pick(0);
                features[i][1] = pick(FEATURES / 2);
            }
            return features;
        }

        private int[] pick(int first) {
            return random.ints(1 + random.nextInt(3), first, first + FEATURES / 2).distinct().toArray();
        }

        /** Enumerates every label sequence; pairs the model never saw are impossible. */
        int[] bruteForceBest(int[][][] features) {
            int length = features.length;
            int[] labels = new int[length];
            int[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int sequences = (int) Math.pow(CLASSES, length);
            for (int s = 0; s < sequences; s++) {
                int rest = s;
                for (int i = length - 1; i >= 0; i--) {
                    labels[i] = rest % CLASSES;
                    rest /= CLASSES;
                }
                double score = 0;
                for (int i = 0; i < length; i++) {
                    int previous = i == 0 ? BACKGROUND : labels[i - 1];
                    score += node(features[i][0], labels[i]) + edge(features[i][1], previous, labels[i]);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = labels.clone();
                }
            }
            return best;
        }

        private double node(int[] active, int label) {
            double sum = 0;
            for (int f : active) {
                sum += weights[f][label];
            }
            return sum;
        }

        private double edge(int[] active, int previous, int label) {
            for (int k = 0; k < edges.length; k++) {
                if (edges[k][0] == previous && edges[k][1] == label) {
                    double sum = 0;
                    for (int f : active) {
                        sum += weights[f][k];
                    }
                    return sum;
                }
            }
            return Double.NEGATIVE_INFINITY;
        }
    }
}
