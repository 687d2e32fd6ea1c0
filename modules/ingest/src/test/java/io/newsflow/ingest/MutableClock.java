package io.newsflow.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; as a {@link Sleeper} it "sleeps" by advancing itself. */
final class MutableClock extends Clock implements Sleeper {

    private Instant now;
    private Duration slept = Duration.ZERO;

    MutableClock(Instant start) {
        this.now = start;
    }

    MutableClock() {
        this(Instant.parse("2026-03-01T12:00:00Z"));
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public synchronized void sleep(Duration duration) {
        slept = slept.plus(duration);
        now = now.plus(duration);
    }

    synchronized Duration totalSlept() {
        return slept;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
