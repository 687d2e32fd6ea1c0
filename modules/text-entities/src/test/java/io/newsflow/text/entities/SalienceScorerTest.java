package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalienceScorerTest {

    private final SalienceScorer scorer = new SalienceScorer();

    @Test
    void titleEarlyAndFrequentRankHigher() {
        double inTitle = scorer.score(true, 500, 1000, 2, 6);
        double notInTitle = scorer.score(false, 500, 1000, 2, 6);
        double early = scorer.score(false, 10, 1000, 2, 6);
        double frequent = scorer.score(false, 500, 1000, 6, 6);

        assertThat(inTitle).isGreaterThan(notInTitle);
        assertThat(early).isGreaterThan(notInTitle);
        assertThat(frequent).isGreaterThan(notInTitle);
        assertThat(scorer.score(true, 0, 1000, 6, 6)).isEqualTo(1.0);
        assertThat(scorer.score(false, 1000, 1000, 0, 6)).isZero();
    }

    @Test
    void titleMatchIsWholeWordAndCaseBlind() {
        assertThat(SalienceScorer.titleNames("KREMLIN WARNS KYIV", "Kyiv")).isTrue();
        assertThat(SalienceScorer.titleNames("Kremlin warns Kyivans", "Kyiv")).isFalse();
        assertThat(SalienceScorer.titleNames(null, "Kyiv")).isFalse();
    }
}
