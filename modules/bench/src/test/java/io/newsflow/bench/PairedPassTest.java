package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairedPassTest {

    private static final Accounting ALL = new Accounting(100, 90, 10, 0, 100, 0, 10, 0);

    @Test
    void aPassIsComparedWithTheTaggerAloneJustBeforeAndAfterItTakenTogether() {
        TaggerOnlyRun.Pass before = new TaggerOnlyRun.Pass(Throughput.of(100, 1_000_000_000L, 0), 4.0);
        TaggerOnlyRun.Pass after = new TaggerOnlyRun.Pass(Throughput.of(100, 500_000_000L, 0), 2.0);

        PipelineRun.PairedPass pass = PipelineRun.PairedPass.of(Throughput.of(100, 1_000_000_000L, 0), before, after,
                ALL, 1.5);

        // 200 articles alone in 1.5 s: 133.3/s; the pipeline's 100/s is 0.75 of that
        assertThat(pass.taggerOnlyPerSecond()).isCloseTo(133.33, within(0.01));
        assertThat(pass.ratio()).isCloseTo(0.75, within(0.001));
        assertThat(PipelineRun.PairedPass.of(Throughput.of(100, 1_000_000_000L, 0), null, null, ALL, 1.5).ratio())
                .as("no tagger").isZero();
    }

    @Test
    void theHeadlineRatioIsTheMedianOfThePasses() {
        assertThat(PipelineBenchResult.medianRatio(List.of(pass(0.95), pass(0.71), pass(0.85)))).isEqualTo(0.85);
        assertThat(PipelineBenchResult.medianRatio(List.of(pass(0.9), pass(0.8)))).isCloseTo(0.85, within(1e-9));
        assertThat(PipelineBenchResult.medianRatio(List.of(pass(0.77)))).isEqualTo(0.77);
    }

    private static PipelineRun.PairedPass pass(double ratio) {
        return new PipelineRun.PairedPass(100 * ratio, 100, ratio, ALL, 1.5);
    }
}
