package io.newsflow.streams.internals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Window-store keys of one length. A window store's fetch for one key scans every stored key that starts with
 * it (the key is followed by the timestamp in the store's byte order), so variable-length keys such as URLs or
 * article ids (".../story/1" before ".../story/10", ".../story/100", ...) make each fetch slower as the store
 * grows. The SHA-256 of the value has one length and keeps distinct values apart.
 */
public final class FixedLengthKey {

    private FixedLengthKey() {
    }

    /** Lower-case hex SHA-256 of {@code value} (64 characters). */
    public static String of(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
