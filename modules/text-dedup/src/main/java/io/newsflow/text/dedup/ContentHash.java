/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 of a clean article body after normalisation, so that exact copies that differ only in
 * typography (whitespace, curly versus straight quotes, dash and ellipsis styles, case, full-width forms,
 * invisible characters) share one key.
 *
 * <p>Normalisation: NFKC; drop zero-width characters, soft hyphens and the byte-order mark; map every
 * single-quote variant to {@code '}, every double-quote variant (including guillemets) to {@code "}, every
 * hyphen/dash variant to {@code -}; lower-case (root locale); collapse runs of whitespace to one space;
 * trim. Stateless and thread-safe.
 */
public final class ContentHash {

    private static final String SINGLE_QUOTES = "\u2018\u2019\u201A\u201B\u2032\u2035\u0060\u00B4\u02BC\u02B9";
    private static final String DOUBLE_QUOTES =
            "\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A\u301D\u301E";
    private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D";
    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";

    private ContentHash() {
    }

    /** Lower-case hex SHA-256 (64 characters) of {@link #normalise(String) the normalised} body. */
    public static String of(String cleanBody) {
        byte[] digest = sha256().digest(normalise(cleanBody).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The text that is hashed; exposed so that callers and tests can see why two bodies hash alike. */
    public static String normalise(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        // Most bodies are already NFKC: checking is much cheaper than normalising.
        String nfkc = Normalizer.isNormalized(body, Normalizer.Form.NFKC)
                ? body : Normalizer.normalize(body, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            // ASCII, nearly all of an English body, needs none of the table look-ups but the backtick's.
            boolean ascii = c < 0x80;
            if (!ascii && INVISIBLE.indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c) || (!ascii && Character.isSpaceChar(c))) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (ascii) {
                out.append(c == '`' ? '\'' : c);
            } else if (SINGLE_QUOTES.indexOf(c) >= 0) {
                out.append('\'');
            } else if (DOUBLE_QUOTES.indexOf(c) >= 0) {
                out.append('"');
            } else if (DASHES.indexOf(c) >= 0) {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
