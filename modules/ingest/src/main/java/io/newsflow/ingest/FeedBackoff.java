package io.newsflow.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-feed exponential backoff: a feed that keeps failing is polled ever more rarely (doubling up to
 * a cap) while healthy feeds keep their interval; one success resets it.
 */
public final class FeedBackoff {

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private final Map<URI, Attempts> attempts = new HashMap<>();

    private record Attempts(int failures, Instant retryAt) {
    }

    public FeedBackoff(Duration initial, Duration max, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
    }

    public synchronized boolean isDue(URI feed) {
        Attempts a = attempts.get(feed);
        return a == null || !clock.instant().isBefore(a.retryAt);
    }

    /** Records a failure and returns how long the feed now rests. */
    public synchronized Duration failed(URI feed) {
        int failures = attempts.containsKey(feed) ? attempts.get(feed).failures + 1 : 1;
        Duration delay = delayAfter(failures);
        attempts.put(feed, new Attempts(failures, clock.instant().plus(delay)));
        return delay;
    }

    public synchronized void succeeded(URI feed) {
        attempts.remove(feed);
    }

    public synchronized int failures(URI feed) {
        Attempts a = attempts.get(feed);
        return a == null ? 0 : a.failures;
    }

    Duration delayAfter(int failures) {
        // Shift capped well below overflow; the max cap applies anyway.
        long factor = 1L << Math.min(failures - 1, 30);
        Duration delay = initial.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
