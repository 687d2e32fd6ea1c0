package io.newsflow.ingest;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how a bulk load is going. On a terminal it redraws one line on stderr (records, MB, rate, and
 * a bar with ETA when the total size is known) at most four times a second; elsewhere (CI, files,
 * pipes) it logs a plain INFO line every few seconds so logs stay readable.
 */
public final class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);
    private static final int BAR_WIDTH = 24;

    private final Clock clock;
    private final long totalBytes;
    private final PrintStream terminal;
    private final Instant started;
    private Instant lastShown;
    private long records;
    private long bytes;
    private boolean drewLine;

    /**
     * @param totalBytes input size when known (files), or -1 (stdin)
     * @param terminal   where to draw the bar, or null to log instead
     */
    public ProgressReporter(Clock clock, long totalBytes, PrintStream terminal) {
        this.clock = clock;
        this.totalBytes = totalBytes;
        this.terminal = terminal;
        this.started = clock.instant();
        this.lastShown = started;
    }

    /** Bar on stderr when this process has a console, log lines otherwise. */
    public static ProgressReporter forThisProcess(Clock clock, long totalBytes) {
        return new ProgressReporter(clock, totalBytes, System.console() != null ? System.err : null);
    }

    /** Records the new totals; shows them if the last display is old enough. Cheap when not due. */
    public void update(long recordsSoFar, long bytesSoFar) {
        this.records = recordsSoFar;
        this.bytes = bytesSoFar;
        Instant now = clock.instant();
        Duration interval = terminal != null ? TERMINAL_INTERVAL : LOG_INTERVAL;
        if (Duration.between(lastShown, now).compareTo(interval) >= 0) {
            lastShown = now;
            show(now);
        }
    }

    /** Shows the final totals and ends the terminal line. */
    public void finish() {
        show(clock.instant());
        if (terminal != null && drewLine) {
            terminal.println();
            terminal.flush();
        }
    }

    private void show(Instant now) {
        if (terminal != null) {
            terminal.print('\r' + render(now));
            terminal.flush();
            drewLine = true;
        } else {
            log.info("Progress: {}", render(now));
        }
    }

    /** The one-line text, without control characters. */
    String render(Instant now) {
        double seconds = Math.max(Duration.between(started, now).toNanos() / 1e9, 1e-9);
        double rate = records / seconds;
        double mbPerSecond = bytes / 1e6 / seconds;
        StringBuilder line = new StringBuilder(String.format("%,d records  %.1f MB  %,.0f rec/s  %.1f MB/s",
                records, bytes / 1e6, rate, mbPerSecond));
        if (totalBytes > 0) {
            double fraction = Math.min(1.0, (double) bytes / totalBytes);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            line.append("  [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append(']');
            line.append(String.format(" %3.0f%%", fraction * 100));
            if (bytes > 0 && fraction < 1.0) {
                long etaSeconds = (long) Math.ceil(seconds * (totalBytes - bytes) / bytes);
                line.append(String.format(" ETA %d:%02d", etaSeconds / 60, etaSeconds % 60));
            }
        }
        return line.toString();
    }
}
