package io.newsflow.text.entities;

import edu.stanford.nlp.ie.crf.CliquePotentialFunction;

import java.util.Arrays;

/**
 * The best label sequence of a first-order CRF, found by Viterbi directly on the clique potentials.
 *
 * <p>CoreNLP first calibrates a clique tree (forward-backward with exp/log over every clique) and then runs
 * Viterbi over the resulting conditional log-probabilities. Their sum along a path is the sum of the path's
 * clique potentials minus a constant of the document, so the best path is the same and the calibration,
 * which only the marginals need, can be skipped. The potentials come from the model's own
 * {@link CliquePotentialFunction}, the label configurations from the model's label indices, and the
 * sequence starts after the background label, exactly as CoreNLP's decoder pads it. Ties are broken
 * as CoreNLP's {@code ExactBestSequenceFinder} breaks them: the lowest previous label, then the lowest
 * (previous, last) pair.
 *
 * <p>Immutable; safe for any number of threads as long as the potential function is (the linear one is).
 */
final class CrfViterbiDecoder {

    private final CliquePotentialFunction potentials;
    private final int numClasses;
    private final int background;
    /** Label configurations of the one-label cliques: position k holds the label whose weights are column k. */
    private final int[] nodeLabels;
    /** Label configurations of the two-label cliques, as {previous, current}. */
    private final int[][] edgeLabels;

    CrfViterbiDecoder(CliquePotentialFunction potentials, int numClasses, int background, int[][] nodeConfigurations,
            int[][] edgeConfigurations) {
        this.potentials = potentials;
        this.numClasses = numClasses;
        this.background = background;
        this.nodeLabels = new int[nodeConfigurations.length];
        for (int k = 0; k < nodeConfigurations.length; k++) {
            if (nodeConfigurations[k].length != 1) {
                throw new IllegalArgumentException("node clique with " + nodeConfigurations[k].length + " labels");
            }
            nodeLabels[k] = nodeConfigurations[k][0];
        }
        this.edgeLabels = new int[edgeConfigurations.length][];
        for (int k = 0; k < edgeConfigurations.length; k++) {
            if (edgeConfigurations[k].length != 2) {
                throw new IllegalArgumentException("edge clique with " + edgeConfigurations[k].length + " labels");
            }
            edgeLabels[k] = edgeConfigurations[k].clone();
        }
    }

    /**
     * Best label index per position.
     *
     * @param features per position, the active feature indices of the node clique [0] and the edge clique [1],
     *        as {@code CRFClassifier.documentToDataAndLabels} returns them
     * @param featureValues per position and clique, feature values, or {@code null} when all are 1
     */
    int[] bestSequence(int[][][] features, double[][][] featureValues) {
        int length = features.length;
        int[] best = new int[length];
        if (length == 0) {
            return best;
        }
        // score[p * C + c]: best path ending in labels (p, c) at the current position, as CoreNLP's products
        double[] score = new double[numClasses * numClasses];
        double[] end = new double[numClasses];
        int[][] previousOf = new int[length][numClasses];
        double[] scores = new double[numClasses * numClasses];
        double[] node = new double[numClasses];
        for (int i = 0; i < length; i++) {
            cliqueScores(features[i], featureValues == null ? null : featureValues[i], i, node, scores);
            if (i == 0) {
                for (int c = 0; c < numClasses; c++) {
                    score[background * numClasses + c] = scores[background * numClasses + c];
                }
                continue;
            }
            // best way into each label of position i - 1; the lowest earlier label wins a tie
            for (int p = 0; p < numClasses; p++) {
                double max = Double.NEGATIVE_INFINITY;
                int argMax = -1;
                int from = i == 1 ? background : 0;
                int to = i == 1 ? background + 1 : numClasses;
                for (int pp = from; pp < to; pp++) {
                    double candidate = score[pp * numClasses + p];
                    if (candidate > max) {
                        max = candidate;
                        argMax = pp;
                    }
                }
                end[p] = max;
                previousOf[i - 1][p] = argMax;
            }
            for (int p = 0; p < numClasses; p++) {
                for (int c = 0; c < numClasses; c++) {
                    score[p * numClasses + c] = end[p] + scores[p * numClasses + c];
                }
            }
        }
        // the lowest (previous, last) pair among the best final scores
        int firstPrevious = length == 1 ? background : 0;
        int lastPrevious = length == 1 ? background : numClasses - 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestPrevious = -1;
        int bestLast = -1;
        for (int p = firstPrevious; p <= lastPrevious; p++) {
            for (int c = 0; c < numClasses; c++) {
                if (score[p * numClasses + c] > bestScore) {
                    bestScore = score[p * numClasses + c];
                    bestPrevious = p;
                    bestLast = c;
                }
            }
        }
        if (bestLast < 0) {
            throw new IllegalStateException("no label sequence of finite score");
        }
        best[length - 1] = bestLast;
        if (length > 1) {
            best[length - 2] = bestPrevious;
            for (int i = length - 2; i > 0; i--) {
                best[i - 1] = previousOf[i][best[i]];
            }
        }
        return best;
    }

    /**
     * Log potential of every (previous, current) label pair at one position, as CoreNLP's factor table holds
     * it: the edge clique's potential plus the node clique's, minus infinity for pairs the model never saw.
     */
    private void cliqueScores(int[][] features, double[][] values, int position, double[] node, double[] scores) {
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < edgeLabels.length; k++) {
            double potential = potentials.computeCliquePotential(2, k, features[1],
                    values == null ? null : values[1], position);
            scores[edgeLabels[k][0] * numClasses + edgeLabels[k][1]] = potential;
        }
        Arrays.fill(node, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < nodeLabels.length; k++) {
            node[nodeLabels[k]] = potentials.computeCliquePotential(1, k, features[0],
                    values == null ? null : values[0], position);
        }
        for (int p = 0; p < numClasses; p++) {
            for (int c = 0; c < numClasses; c++) {
                scores[p * numClasses + c] += node[c];
            }
        }
    }
}
