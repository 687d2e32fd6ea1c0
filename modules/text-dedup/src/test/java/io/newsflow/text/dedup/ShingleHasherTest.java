/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShingleHasherTest {

    private final ShingleHasher shingler = new ShingleHasher(3);

    @Test
    void wordsIgnoreCasePunctuationAndApostrophes() {
        assertThat(ShingleHasher.wordHashes("Biden\u2019s plan, \"approved\"!"))
                .containsExactly(ShingleHasher.wordHashes("bidens PLAN approved"));
        assertThat(ShingleHasher.wordHashes("one two  three\nfour")).hasSize(4);
        assertThat(ShingleHasher.wordHashes("")).isEmpty();
        assertThat(ShingleHasher.wordHashes(" -- ")).isEmpty();
    }

    @Test
    void shinglesAreDistinctAndOrderSensitive() {
        long[] repeated = shingler.shingles(ShingleHasher.wordHashes("a b c a b c a b c"));
        // "a b c", "b c a", "c a b": three distinct shingles among seven.
        assertThat(repeated).hasSize(3);
        long[] forward = shingler.shingles(ShingleHasher.wordHashes("a b c"));
        long[] backward = shingler.shingles(ShingleHasher.wordHashes("c b a"));
        assertThat(forward).hasSize(1);
        assertThat(forward[0]).isNotEqualTo(backward[0]);
    }

    @Test
    void bodyShorterThanAShingleIsOneShingle() {
        assertThat(shingler.shingles(ShingleHasher.wordHashes("breaking news"))).hasSize(1);
        assertThat(shingler.shingles(new long[0])).isEmpty();
    }
}
