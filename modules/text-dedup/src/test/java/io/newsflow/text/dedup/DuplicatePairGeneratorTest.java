/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DuplicatePairGeneratorTest {

    private static final List<BaseArticle> SAMPLES = SampleArticles.load();

    @Test
    void samplesAreTheDocumentedSet() {
        assertThat(SAMPLES).hasSizeGreaterThanOrEqualTo(25);
        for (BaseArticle sample : SAMPLES) {
            int words = ShingleHasher.wordHashes(sample.body()).length;
            assertThat(words).as(sample.name()).isBetween(150, 400);
            assertThat(sample.paragraphs()).as(sample.name()).hasSizeGreaterThanOrEqualTo(4);
        }
        Map<String, Long> perEvent = SAMPLES.stream()
                .filter(s -> !s.event().equals("single"))
                .collect(Collectors.groupingBy(BaseArticle::event, Collectors.counting()));
        assertThat(perEvent).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy((event, count) -> assertThat(count).isEqualTo(2));
    }

    @Test
    void isDeterministicForASeed() {
        List<LabelledPair> first = new DuplicatePairGenerator(42, 2, 150).generate(SAMPLES);
        List<LabelledPair> second = new DuplicatePairGenerator(42, 2, 150).generate(SAMPLES);
        List<LabelledPair> other = new DuplicatePairGenerator(43, 2, 150).generate(SAMPLES);
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
    }

    @Test
    void coversEveryKindWithEnoughPairs() {
        List<LabelledPair> pairs = new DuplicatePairGenerator(42, 2, 150).generate(SAMPLES);
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(200);
        Map<PairKind, Long> perKind = pairs.stream()
                .collect(Collectors.groupingBy(LabelledPair::kind, Collectors.counting()));
        assertThat(perKind.keySet()).containsExactlyInAnyOrder(PairKind.values());
        assertThat(pairs.stream().filter(p -> !p.isDuplicate()).count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void everyEditChangesTheText() {
        for (LabelledPair pair : new DuplicatePairGenerator(42, 2, 150).generate(SAMPLES)) {
            assertThat(pair.second()).as(pair.kind() + " " + pair.description()).isNotEqualTo(pair.first());
            if (pair.kind() == PairKind.WHITESPACE_AND_QUOTES) {
                assertThat(ContentHash.of(pair.second())).isEqualTo(ContentHash.of(pair.first()));
            } else {
                assertThat(ContentHash.of(pair.second())).as(pair.kind() + " " + pair.description())
                        .isNotEqualTo(ContentHash.of(pair.first()));
            }
        }
    }

    @Test
    void creditLinesAndCutsLookLikeTheRealThing() {
        List<LabelledPair> pairs = new DuplicatePairGenerator(42, 2, 0).generate(SAMPLES);
        assertThat(pairs).filteredOn(p -> p.kind() == PairKind.CREDIT_LINE)
                .allSatisfy(p -> assertThat(p.second()).containsPattern("(?i)edit(ing|ed) by").startsWith(p.first()));
        assertThat(pairs).filteredOn(p -> p.kind() == PairKind.DROPPED_PARAGRAPH)
                .allSatisfy(p -> assertThat(p.second().split("\n\n")).hasSize(p.first().split("\n\n").length - 1));
    }
}
