package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class NerScoreTest {

    @Test
    void iob2ChunksStartAtEveryBeginTag() {
        List<ConllChunk> chunks = ConllChunk.fromTags(3,
                List.of("B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC", "I-ORG"));

        assertThat(chunks).containsExactly(
                new ConllChunk(3, 0, 2, EntityType.PER),
                new ConllChunk(3, 2, 3, EntityType.PER),
                new ConllChunk(3, 4, 6, EntityType.LOC),
                new ConllChunk(3, 6, 7, EntityType.ORG));
    }

    @Test
    void iob1ChunksStartAtTypeChangesAndSeparatingBeginTags() {
        // IOB1: I- everywhere, B- only to split two adjacent entities of one type
        List<ConllChunk> chunks = ConllChunk.fromTags(0,
                List.of("I-ORG", "I-ORG", "O", "I-MISC", "B-MISC", "I-LOC"));

        assertThat(chunks).containsExactly(
                new ConllChunk(0, 0, 2, EntityType.ORG),
                new ConllChunk(0, 3, 4, EntityType.MISC),
                new ConllChunk(0, 4, 5, EntityType.MISC),
                new ConllChunk(0, 5, 6, EntityType.LOC));
    }

    @Test
    void bareTypeTagsAsEmittedByTheCrfRunTogether() {
        assertThat(ConllChunk.fromTags(0, List.of("PER", "PER", "O", "LOC")))
                .containsExactly(new ConllChunk(0, 0, 2, EntityType.PER), new ConllChunk(0, 3, 4, EntityType.LOC));
    }

    @Test
    void exactSpanAndTypeCountAsCorrect() {
        // gold (IOB2): [Ada Lovelace]PER met [Charles Babbage]PER in [London]LOC for [Analytical Society]ORG
        List<String> gold = List.of("B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG");
        // predicted (IOB1): right PER, PER cut short, right LOC, ORG typed as MISC, plus a spurious MISC on "met"
        List<String> predicted = List.of("I-PER", "I-PER", "I-MISC", "O", "I-PER", "O", "I-LOC", "O", "I-MISC", "I-MISC");
        NerScore score = new NerScore();

        score.add(ConllChunk.fromTags(0, gold), ConllChunk.fromTags(0, predicted));

        assertThat(score.gold()).isEqualTo(4);
        assertThat(score.predicted()).isEqualTo(5);
        assertThat(score.correct()).isEqualTo(2);
        assertThat(score.precision()).isCloseTo(2.0 / 5, within(1e-9));
        assertThat(score.recall()).isCloseTo(2.0 / 4, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.4 * 0.5 / 0.9, within(1e-9));
        assertThat(score.precision(EntityType.PER)).isCloseTo(1.0 / 2, within(1e-9));
        assertThat(score.recall(EntityType.PER)).isCloseTo(1.0 / 2, within(1e-9));
        assertThat(score.f1(EntityType.LOC)).isCloseTo(1.0, within(1e-9));
        assertThat(score.f1(EntityType.ORG)).isZero();
        assertThat(score.precision(EntityType.MISC)).isZero();
    }

    @Test
    void reportEndsWithOverallF1Line() {
        NerScore score = new NerScore();
        score.add(List.of(new ConllChunk(0, 0, 1, EntityType.LOC), new ConllChunk(1, 2, 3, EntityType.PER)),
                List.of(new ConllChunk(0, 0, 1, EntityType.LOC)));

        String report = score.report("tiny");

        // P 1.0, R 0.5
        assertThat(report.lines().reduce((a, b) -> b)).contains("F1 0.6667");
        assertThat(report).startsWith("tiny").contains("LOC  P 1.0000 R 1.0000 F1 1.0000");
    }
}
