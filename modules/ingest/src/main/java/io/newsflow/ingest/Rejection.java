package io.newsflow.ingest;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of input that was refused, with enough context to find and fix it.
 *
 * @param file   the input file, feed URL or {@code -} for stdin
 * @param line   1-based line (or array element) number; 0 when the whole file was refused
 * @param detail human-readable specifics, e.g. which field had the wrong type
 * @param raw    the original bytes, possibly cut at the reader's line limit
 */
public record Rejection(String file, long line, RejectReason reason, String detail, byte[] raw) {

    public Rejection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        raw = raw == null ? new byte[0] : raw;
    }

    /** The raw input as text when it is valid UTF-8. */
    public Optional<String> rawText() {
        return Utf8Text.decode(raw);
    }

    /** The raw input as base64, for bytes that are not text. */
    public String rawBase64() {
        return Base64.getEncoder().encodeToString(raw);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason + " (" + detail + ")";
    }
}
