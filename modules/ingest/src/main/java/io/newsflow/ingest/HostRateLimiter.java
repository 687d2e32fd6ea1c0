package io.newsflow.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness: at most one request per host every {@code minDelay}, so polling many feeds and their
 * article pages never hammers one publisher.
 */
public final class HostRateLimiter {

    private final Duration minDelay;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> nextAllowed = new HashMap<>();

    public HostRateLimiter(Duration minDelay, Clock clock, Sleeper sleeper) {
        this.minDelay = minDelay;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a request to this URL's host is allowed, then books the slot. */
    public void acquire(URI url) throws InterruptedException {
        Duration wait = reserve(url);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Books the next slot for the host and says how long to wait for it; separate for testing. */
    synchronized Duration reserve(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Instant slot = nextAllowed.getOrDefault(host, now);
        if (slot.isBefore(now)) {
            slot = now;
        }
        nextAllowed.put(host, slot.plus(minDelay));
        return Duration.between(now, slot);
    }
}
