package io.newsflow.ingest;

import java.nio.file.Path;

/**
 * How a bulk load runs; the CLI fills this from its flags.
 *
 * @param maxBodyBytes   articles with a larger body (UTF-8 bytes) are rejected; default 2 MB
 * @param ratePerSecond  throttle in records per second; 0 means as fast as the sink takes them
 * @param dryRun         validate and count, but hand nothing to the sink
 * @param rejectsFile    where refused input goes; null means {@code <first input>.rejects.jsonl}
 * @param defaultSource  source for articles that name none (e.g. the directory's publisher); may be null
 * @param progress       whether to show progress at all
 */
public record ProduceOptions(long maxBodyBytes, double ratePerSecond, boolean dryRun, Path rejectsFile,
                             String defaultSource, boolean progress) {

    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;

    public ProduceOptions {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("ratePerSecond must not be negative: " + ratePerSecond);
        }
    }

    public static ProduceOptions defaults() {
        return new ProduceOptions(DEFAULT_MAX_BODY_BYTES, 0, false, null, null, true);
    }

    public ProduceOptions withMaxBodyBytes(long bytes) {
        return new ProduceOptions(bytes, ratePerSecond, dryRun, rejectsFile, defaultSource, progress);
    }

    public ProduceOptions withRate(double perSecond) {
        return new ProduceOptions(maxBodyBytes, perSecond, dryRun, rejectsFile, defaultSource, progress);
    }

    public ProduceOptions withDryRun(boolean dry) {
        return new ProduceOptions(maxBodyBytes, ratePerSecond, dry, rejectsFile, defaultSource, progress);
    }

    public ProduceOptions withRejectsFile(Path file) {
        return new ProduceOptions(maxBodyBytes, ratePerSecond, dryRun, file, defaultSource, progress);
    }

    public ProduceOptions withDefaultSource(String source) {
        return new ProduceOptions(maxBodyBytes, ratePerSecond, dryRun, rejectsFile, source, progress);
    }

    public ProduceOptions withProgress(boolean show) {
        return new ProduceOptions(maxBodyBytes, ratePerSecond, dryRun, rejectsFile, defaultSource, show);
    }
}
