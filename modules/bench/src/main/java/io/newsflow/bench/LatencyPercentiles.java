package io.newsflow.bench;

import java.util.Arrays;

/**
 * End-to-end latency of a run in milliseconds, by the nearest-rank method: the p-th percentile is the smallest
 * sample that at least p% of the samples do not exceed, so every reported figure is a latency that occurred.
 */
public record LatencyPercentiles(int count, long p50, long p95, long p99, long max) {

    public static final LatencyPercentiles EMPTY = new LatencyPercentiles(0, 0, 0, 0, 0);

    public static LatencyPercentiles of(long[] samplesMillis) {
        if (samplesMillis.length == 0) {
            return EMPTY;
        }
        long[] sorted = samplesMillis.clone();
        Arrays.sort(sorted);
        return new LatencyPercentiles(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95),
                nearestRank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** @param sorted ascending, not empty; {@code percentile} in (0, 100] */
    static long nearestRank(long[] sorted, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
