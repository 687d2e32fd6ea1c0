/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MinHash over word shingles with LSH banding: the fraction of agreeing signature slots estimates the
 * Jaccard similarity of the two bodies' shingle sets.
 *
 * <p>Each slot keeps the shingle that is smallest under one of {@code permutations} cheap hash
 * permutations, and stores only 16 bits of that shingle's own hash (b-bit MinHash): two different shingles
 * agree by chance with probability 2^-16, which is negligible next to the estimator's sampling error,
 * and halves the state store compared with 32-bit slots. Band {@code b} is the concatenation of slots
 * {@code b*rows .. b*rows+rows-1}; two bodies with Jaccard similarity {@code s} share at least one band
 * with probability {@code 1 - (1 - s^rows)^bands}.
 */
public final class MinHashScheme implements NearDuplicateScheme<MinHashScheme.Signature> {

    /** Fixed seed: signatures must be comparable across processes and releases. */
    private static final long PERMUTATION_SEED = 0x6E657773666C6F77L; // "newsflow"

    private final ShingleHasher shingler;
    private final int permutations;
    private final int bands;
    private final int rows;
    private final double threshold;
    private final int minWords;
    private final long[] salts;

    public MinHashScheme(int shingleSize, int permutations, int bands, int rows, double threshold, int minWords) {
        if (permutations < 1 || bands < 1 || rows < 1 || bands * rows > permutations) {
            throw new IllegalArgumentException("need 1 <= bands * rows <= permutations");
        }
        this.shingler = new ShingleHasher(shingleSize);
        this.permutations = permutations;
        this.bands = bands;
        this.rows = rows;
        this.threshold = threshold;
        this.minWords = minWords;
        this.salts = new SplittableRandom(PERMUTATION_SEED).longs(permutations).toArray();
    }

    /**
     * A body's MinHash signature: {@code permutations} 16-bit slots and the body's word count. The array is
     * shared, not copied, to keep fingerprinting cheap: treat it as read-only, and compare signatures with
     * {@link #similarity} (record equality compares the array by identity).
     */
    public record Signature(char[] slots, int wordCount) {
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "MinHash(k=%d, %d-word shingles, %dx%d bands, J>=%.2f)",
                permutations, shingler.size(), bands, rows, threshold);
    }

    public int permutations() {
        return permutations;
    }

    @Override
    public Signature fingerprint(String cleanBody) {
        long[] words = ShingleHasher.wordHashes(cleanBody);
        long[] shingles = shingler.shingles(words);
        char[] slots = new char[permutations];
        if (shingles.length > 0) {
            for (int p = 0; p < permutations; p++) {
                long salt = salts[p];
                long min = Long.MAX_VALUE;
                long argMin = 0;
                for (long shingle : shingles) {
                    // xor-multiply-xorshift: a cheap bijection of the (already well mixed) shingle hash.
                    long v = (shingle ^ salt) * 0x9E3779B97F4A7C15L;
                    v ^= v >>> 29;
                    if (v < min) {
                        min = v;
                        argMin = shingle;
                    }
                }
                slots[p] = (char) (argMin >>> 48);
            }
        }
        return new Signature(slots, words.length);
    }

    @Override
    public boolean isTooShort(Signature signature) {
        return signature.wordCount() < minWords;
    }

    @Override
    public List<String> bandKeys(Signature signature) {
        if (isTooShort(signature)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(bands);
        char[] slots = signature.slots();
        StringBuilder key = new StringBuilder(2 + 4 * rows);
        for (int b = 0; b < bands; b++) {
            key.setLength(0);
            key.append(Character.forDigit(b, 36)).append(':');
            for (int r = 0; r < rows; r++) {
                appendHex16(key, slots[b * rows + r]);
            }
            keys.add(key.toString());
        }
        return keys;
    }

    @Override
    public double similarity(Signature a, Signature b) {
        char[] x = a.slots();
        char[] y = b.slots();
        if (x.length != y.length) {
            throw new IllegalArgumentException("signatures of different lengths: " + x.length + " vs " + y.length);
        }
        int agree = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                agree++;
            }
        }
        return (double) agree / x.length;
    }

    @Override
    public boolean isNearDuplicate(Signature a, Signature b) {
        return !isTooShort(a) && !isTooShort(b) && similarity(a, b) >= threshold;
    }

    @Override
    public int storedBytes() {
        return 2 * permutations;
    }

    private static void appendHex16(StringBuilder out, char value) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((value >>> shift) & 0xF, 16));
        }
    }
}
