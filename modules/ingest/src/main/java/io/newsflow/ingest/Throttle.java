package io.newsflow.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds a load to at most N records per second by spacing them evenly, so a user can feed a
 * shared cluster without flooding it. Schedules against an ideal timeline rather than sleeping a
 * fixed gap, so time spent sending counts toward the gap.
 */
public final class Throttle {

    private final Clock clock;
    private final Sleeper sleeper;
    private final long nanosPerRecord;
    private Instant next;

    /** @param perSecond records per second; 0 disables throttling */
    public Throttle(double perSecond, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.nanosPerRecord = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
    }

    /** Blocks until the next record may go. */
    public void acquire() throws InterruptedException {
        if (nanosPerRecord == 0) {
            return;
        }
        Instant now = clock.instant();
        if (next == null || next.isBefore(now)) {
            // Idle time is not saved up as a burst.
            next = now;
        }
        Duration wait = Duration.between(now, next);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        next = next.plusNanos(nanosPerRecord);
    }
}
