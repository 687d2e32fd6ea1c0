/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Turns a clean body into the set of its word shingles (runs of {@code size} consecutive words), each
 * reduced to a well-mixed 64-bit hash. Both near-duplicate schemes start from this set, so they see the
 * same text the same way.
 *
 * <p>Words are maximal runs of letters and digits after NFKC and lower-casing; everything else (punctuation,
 * quotes, apostrophes) separates nothing and is skipped, so "Biden's" and "Bidens" agree. Word hashes are
 * FNV-1a 64 finished with the MurmurHash3 {@code fmix64} step; a shingle hash combines its word hashes
 * with position-dependent odd multipliers, so "a b c" and "c b a" differ.
 */
final class ShingleHasher {

    private final int size;

    ShingleHasher(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be positive: " + size);
        }
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The word hashes of {@code body}, in order. */
    static long[] wordHashes(String body) {
        if (body == null || body.isEmpty()) {
            return new long[0];
        }
        String text = Normalizer.isNormalized(body, Normalizer.Form.NFKC)
                ? body : Normalizer.normalize(body, Normalizer.Form.NFKC);
        long[] words = new long[Math.max(16, text.length() / 5)];
        int count = 0;
        long hash = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                hash = (hash ^ Character.toLowerCase(c)) * FNV_PRIME;
                inWord = true;
            } else if (c == '\'' || c == '\u2019') {
                // Apostrophes join: "don't" is one word, as is "Biden’s".
                continue;
            } else if (inWord) {
                if (count == words.length) {
                    words = Arrays.copyOf(words, count * 2);
                }
                words[count++] = fmix64(hash);
                hash = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            if (count == words.length) {
                words = Arrays.copyOf(words, count + 1);
            }
            words[count++] = fmix64(hash);
        }
        return Arrays.copyOf(words, count);
    }

    /**
     * Shingle hashes in text order, repeats included (enough for a minimum); a body shorter than one shingle
     * yields its words as one shingle.
     */
    long[] shingleHashes(long[] words) {
        if (words.length == 0) {
            return words;
        }
        int n = Math.max(1, words.length - size + 1);
        long[] shingles = new long[n];
        for (int start = 0; start < n; start++) {
            long h = 0;
            int end = Math.min(words.length, start + size);
            for (int i = start; i < end; i++) {
                h = h * 0x9E3779B97F4A7C15L + words[i];
            }
            shingles[start] = fmix64(h);
        }
        return shingles;
    }

    /** Distinct shingle hashes, sorted. */
    long[] shingles(long[] words) {
        long[] shingles = shingleHashes(words);
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB93FE1A85B1BL;
        k ^= k >>> 33;
        return k;
    }

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;
}
