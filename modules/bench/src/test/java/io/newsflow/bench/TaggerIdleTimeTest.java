package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaggerIdleTimeTest {

    private static final long MS = 1_000_000L;

    @Test
    void idleTimeIsSplitIntoBeforeTheFirstArticleGapsAndAfterTheLast() {
        TaggerIdleTime idle = new TaggerIdleTime(() -> 0);
        // pass from 0 to 100 ms: idle until 10, busy to 40, idle to 45, busy to 60, idle to 70, busy to 90
        for (long ms = 0; ms <= 100; ms++) {
            boolean busy = ms >= 10 && ms < 40 || ms >= 45 && ms < 60 || ms >= 70 && ms < 90;
            idle.observe(ms * MS, busy);
        }

        TaggerIdleTime.Split split = idle.split(0, 100 * MS);

        assertThat(split.beforeFirstMs()).isEqualTo(10);
        assertThat(split.gaps()).isEqualTo(2);
        assertThat(split.gapsMs()).isEqualTo(5 + 10);
        assertThat(split.afterLastMs()).isEqualTo(100 - 89);
        assertThat(split.totalMs()).isEqualTo(10 + 15 + 11);
        assertThat(split).hasToString("10 ms before the first article, 15 ms in 2 gaps, 11 ms after the last");
    }

    @Test
    void aTaggerThatNeverWorkedWasIdleTheWholePass() {
        TaggerIdleTime idle = new TaggerIdleTime(() -> 0);
        idle.observe(5 * MS, false);

        assertThat(idle.split(0, 50 * MS)).isEqualTo(new TaggerIdleTime.Split(50, 0, 0, 0));
    }
}
