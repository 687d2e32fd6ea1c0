package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

    @Test
    void oneToAHundredGivesTheRankItself() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples, new Random(7));
        long[] shuffled = samples.stream().mapToLong(Long::longValue).toArray();
        long[] before = shuffled.clone();

        LatencyPercentiles percentiles = LatencyPercentiles.of(shuffled);

        assertThat(percentiles).isEqualTo(new LatencyPercentiles(100, 50, 95, 99, 100));
        assertThat(shuffled).as("input left unsorted").isEqualTo(before);
    }

    @Test
    void nearestRankRoundsUpToASampleThatOccurred() {
        long[] tens = {100, 10, 90, 20, 80, 30, 70, 40, 60, 50};
        LatencyPercentiles percentiles = LatencyPercentiles.of(tens);
        // ceil(0.5 * 10) = 5th sample; ceil(0.95 * 10) = ceil(0.99 * 10) = 10th.
        assertThat(percentiles.p50()).isEqualTo(50);
        assertThat(percentiles.p95()).isEqualTo(100);
        assertThat(percentiles.p99()).isEqualTo(100);
        assertThat(LatencyPercentiles.nearestRank(new long[] {10, 20, 30}, 34)).isEqualTo(20);
        assertThat(LatencyPercentiles.nearestRank(new long[] {10, 20, 30}, 33)).isEqualTo(10);
    }

    @Test
    void oneSampleIsEveryPercentileAndNoneIsEmpty() {
        assertThat(LatencyPercentiles.of(new long[] {42})).isEqualTo(new LatencyPercentiles(1, 42, 42, 42, 42));
        assertThat(LatencyPercentiles.of(new long[0])).isEqualTo(LatencyPercentiles.EMPTY);
    }

    @Test
    void refusesPercentilesOutsideZeroToAHundred() {
        assertThatThrownBy(() -> LatencyPercentiles.nearestRank(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyPercentiles.nearestRank(new long[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pipelineLatencyPairsOutputsWithTheirFetchTimeAndIgnoresStrangers() {
        Map<String, Long> fetchedAt = Map.of("a", 1_000L, "b", 2_000L, "c", 3_000L);
        Map<String, Long> outputs = Map.of("a", 1_250L, "b", 2_900L, "c", 2_999L, "warm-up-x", 9_999L);

        LatencyPercentiles latency = PipelineRun.latency(fetchedAt, outputs);

        // c's broker clock ran 1 ms behind its producer's: clamped to 0 rather than negative.
        assertThat(latency).isEqualTo(new LatencyPercentiles(3, 250, 900, 900, 900));
    }

    @Test
    void theSlowestArticlesAreListedInTheOrderTheyWereSent() {
        Map<String, Long> fetchedAt = Map.of("a", 1_000L, "b", 2_000L, "c", 3_000L, "d", 4_500L);
        Map<String, Long> output = Map.of("a", 1_100L, "b", 2_900L, "c", 3_050L, "d", 5_200L, "unknown", 9_999L);

        assertThat(PipelineRun.slowest(fetchedAt, output, 2)).isEqualTo("1.0 s: 900, 3.5 s: 700");
        assertThat(PipelineRun.slowest(fetchedAt, output, 10)).isEqualTo("0.0 s: 100, 1.0 s: 900, 2.0 s: 50, 3.5 s: 700");
    }
}
