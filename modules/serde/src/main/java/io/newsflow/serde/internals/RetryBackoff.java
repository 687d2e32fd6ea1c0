/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde.internals;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between registry retries: {@code initialMs * 2^retry}, capped at {@code maxMs},
 * with ±20% jitter so that many stream threads do not hit a recovering registry in lock step.
 */
public record RetryBackoff(long initialMs, long maxMs) {

    private static final double JITTER = 0.2;

    public RetryBackoff {
        if (initialMs < 0 || maxMs < 0) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public long delayMs(int retry) {
        double exponential = initialMs * Math.pow(2, Math.min(retry, 30));
        double capped = Math.min(exponential, maxMs);
        double jitter = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.min(maxMs, Math.round(capped * jitter));
    }
}
