/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SimHash-64 over word shingles (Charikar): each bit is the sign of the sum, over the body's distinct
 * shingles, of +1/-1 taken from that bit of the shingle hash. The Hamming distance between two values
 * estimates the angle between the bodies' shingle vectors. With a Hamming threshold {@code k}, splitting the
 * 64 bits into {@code k + 1} bands guarantees (pigeonhole) that any pair within the threshold agrees on at
 * least one whole band.
 *
 * <p>Measured against {@link MinHashScheme} by DedupEvaluation; kept as the alternative.
 */
public final class SimHashScheme implements NearDuplicateScheme<SimHashScheme.Fingerprint> {

    private final ShingleHasher shingler;
    private final int maxHamming;
    private final int minWords;

    public SimHashScheme(int shingleSize, int maxHamming, int minWords) {
        if (maxHamming < 0 || maxHamming > 63) {
            throw new IllegalArgumentException("Hamming threshold must be in 0..63: " + maxHamming);
        }
        this.shingler = new ShingleHasher(shingleSize);
        this.maxHamming = maxHamming;
        this.minWords = minWords;
    }

    /** A body's SimHash and its word count. */
    public record Fingerprint(long simhash, int wordCount) {
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "SimHash-64(%d-word shingles, hamming<=%d, %d bands)",
                shingler.size(), maxHamming, maxHamming + 1);
    }

    @Override
    public Fingerprint fingerprint(String cleanBody) {
        long[] words = ShingleHasher.wordHashes(cleanBody);
        long[] shingles = shingler.shingles(words);
        int[] votes = new int[64];
        for (long shingle : shingles) {
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += (int) ((shingle >>> bit) & 1L) * 2 - 1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return new Fingerprint(simhash, words.length);
    }

    @Override
    public boolean isTooShort(Fingerprint fingerprint) {
        return fingerprint.wordCount() < minWords;
    }

    @Override
    public List<String> bandKeys(Fingerprint fingerprint) {
        if (isTooShort(fingerprint)) {
            return List.of();
        }
        int bands = maxHamming + 1;
        List<String> keys = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            int from = b * 64 / bands;
            int to = (b + 1) * 64 / bands;
            long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1);
            long band = (fingerprint.simhash() >>> from) & mask;
            keys.add(Integer.toString(b, 36) + ":" + Long.toHexString(band));
        }
        return keys;
    }

    @Override
    public double similarity(Fingerprint a, Fingerprint b) {
        return 1.0 - Long.bitCount(a.simhash() ^ b.simhash()) / 64.0;
    }

    @Override
    public boolean isNearDuplicate(Fingerprint a, Fingerprint b) {
        return !isTooShort(a) && !isTooShort(b) && Long.bitCount(a.simhash() ^ b.simhash()) <= maxHamming;
    }

    @Override
    public int storedBytes() {
        return Long.BYTES;
    }
}
