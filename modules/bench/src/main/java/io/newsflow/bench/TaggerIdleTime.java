package io.newsflow.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * When, over a pass, the tagger threads had nothing to do: sampled every millisecond from the tagger's backlog
 * (articles handed over and not tagged yet; 0 means idle). Split into the time before the first article reached
 * the tagger (the pipeline filling: the first articles cross two repartition topics, each visible only after a
 * commit), gaps in the middle, and the time after the last one was tagged (the last records' commit and read).
 * A tagger that is the bottleneck is idle only at the two ends.
 */
final class TaggerIdleTime implements AutoCloseable {

    /** The idle time of one pass, in ms, and how many gaps the middle part came in. */
    record Split(long beforeFirstMs, long gapsMs, int gaps, long afterLastMs) {

        long totalMs() {
            return beforeFirstMs + gapsMs + afterLastMs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ms before the first article, %d ms in %d gaps, %d ms after the last",
                    beforeFirstMs, gapsMs, gaps, afterLastMs);
        }
    }

    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final IntSupplier backlog;
    private final Thread sampler;
    private volatile boolean stopped;
    // written by the sampler thread only (or a test), read after it has been joined
    private long firstBusyNanos = -1;
    private long lastBusyNanos = -1;
    private long idleSinceNanos = -1;
    private long gapNanos;
    private int gaps;

    /** Not sampling yet: {@link #start} starts the sampler, a test calls {@link #observe} itself. */
    TaggerIdleTime(IntSupplier backlog) {
        this.backlog = backlog;
        this.sampler = new Thread(this::sample, "bench-tagger-idle-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling now, before the pass starts. */
    static TaggerIdleTime start(IntSupplier backlog) {
        TaggerIdleTime idle = new TaggerIdleTime(backlog);
        idle.sampler.start();
        return idle;
    }

    private void sample() {
        while (!stopped) {
            observe(System.nanoTime(), backlog.getAsInt() > 0);
            LockSupport.parkNanos(SAMPLE_NANOS);
        }
    }

    /** One sample: at {@code nanos} the tagger was busy or not. */
    void observe(long nanos, boolean busy) {
        if (busy) {
            if (firstBusyNanos < 0) {
                firstBusyNanos = nanos;
            } else if (idleSinceNanos >= 0) {
                gapNanos += nanos - idleSinceNanos;
                gaps++;
            }
            idleSinceNanos = -1;
            lastBusyNanos = nanos;
        } else if (firstBusyNanos >= 0 && idleSinceNanos < 0) {
            idleSinceNanos = nanos;
        }
    }

    /** Stops sampling and splits the idle time of the pass that ran from {@code startedNanos} to {@code endedNanos}. */
    Split stop(long startedNanos, long endedNanos) throws InterruptedException {
        close();
        return split(startedNanos, endedNanos);
    }

    /** The idle time of a pass from {@code startedNanos} to {@code endedNanos}, from the samples so far. */
    Split split(long startedNanos, long endedNanos) {
        if (firstBusyNanos < 0) {
            return new Split(toMillis(endedNanos - startedNanos), 0, 0, 0);
        }
        return new Split(toMillis(firstBusyNanos - startedNanos), toMillis(gapNanos), gaps,
                toMillis(Math.max(0, endedNanos - lastBusyNanos)));
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.join(1_000);
    }

    private static long toMillis(long nanos) {
        return Math.max(0, nanos) / 1_000_000;
    }
}
