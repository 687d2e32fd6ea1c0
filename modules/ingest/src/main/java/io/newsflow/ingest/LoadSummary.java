package io.newsflow.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outcome of a bulk load, for the CLI's final line and exit status.
 *
 * @param read     records looked at (non-blank lines, array elements, one-article files)
 * @param sent     articles handed to the sink (0 on a dry run)
 * @param valid    articles that passed validation (equals {@code sent} unless dry run)
 * @param rejected refusals by reason
 * @param bytes    input bytes consumed
 * @param skippedFiles files in walked directories whose extension is not an input format
 */
public record LoadSummary(long read, long valid, long sent, Map<RejectReason, Long> rejected, long bytes,
                          Duration elapsed, long skippedFiles) {

    /** Exit status when at least one input was refused. */
    public static final int EXIT_REJECTED = 2;

    public LoadSummary {
        rejected = Map.copyOf(rejected.isEmpty() ? Map.of() : new EnumMap<>(rejected));
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean hasRejections() {
        return rejectedTotal() > 0;
    }

    /** 0 when everything loaded, {@link #EXIT_REJECTED} when anything was refused. */
    public int exitCode() {
        return hasRejections() ? EXIT_REJECTED : 0;
    }

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }

    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }

    @Override
    public String toString() {
        return String.format("read %d, valid %d, sent %d, rejected %d %s, %.1f MB in %.1f s (%.0f records/s, %.1f MB/s)",
                read, valid, sent, rejectedTotal(), rejected.isEmpty() ? "" : new EnumMap<>(rejected),
                bytes / 1e6, elapsed.toNanos() / 1e9, recordsPerSecond(), megabytesPerSecond());
    }
}
