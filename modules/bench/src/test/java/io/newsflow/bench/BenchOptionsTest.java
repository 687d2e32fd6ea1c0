package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void parsesEveryOptionAndKeepsDefaultsForTheRest() {
        assertThat(BenchOptions.parse()).isEqualTo(BenchOptions.defaults());
        assertThat(BenchOptions.parse("--articles=500", "--threads=2", "--partitions=8", "--duplicate-share=0.25",
                "--tagger=false", "--json=out/bench.json", "--paced-seconds=15", "--passes=5"))
                .isEqualTo(new BenchOptions(500, 2, 8, 0.25, false, Path.of("out/bench.json"), 15, 5));
        assertThat(BenchOptions.parse().passes()).isEqualTo(BenchOptions.DEFAULT_PASSES);
        assertThat(BenchOptions.parse().pacedSeconds()).isEqualTo(BenchOptions.DEFAULT_PACED_SECONDS);
        assertThat(BenchOptions.parse("--threads=2").articles()).isEqualTo(BenchOptions.DEFAULT_ARTICLES);
    }

    @Test
    void refusesUnknownOptionsAndValuesOutOfRange() {
        assertThatThrownBy(() -> BenchOptions.parse("--article=5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--article=5");
        assertThatThrownBy(() -> BenchOptions.parse("articles")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenchOptions(0, 1, 1, 0, true, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenchOptions(10, 1, 1, 0, true, null, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pacedSeconds");
        assertThatThrownBy(() -> new BenchOptions(10, 0, 1, 0, true, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenchOptions(10, 1, 1, 0, true, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passes");
        assertThatThrownBy(() -> new BenchOptions(10, 1, 1, 1.0, true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutGrowsWithTheCorpusAndShrinksWithThreads() {
        assertThat(PipelineBenchmark.timeout(new BenchOptions(2_000, 1, 4, 0.1, true, null)))
                .isGreaterThan(PipelineBenchmark.timeout(new BenchOptions(100, 1, 4, 0.1, true, null)))
                .isGreaterThan(PipelineBenchmark.timeout(new BenchOptions(2_000, 2, 4, 0.1, true, null)));
        assertThat(PipelineBenchmark.warmUpCount(new BenchOptions(20, 1, 4, 0.1, true, null))).isEqualTo(10);
        assertThat(PipelineBenchmark.warmUpCount(new BenchOptions(1_000, 1, 4, 0.1, true, null))).isEqualTo(200);
        assertThat(PipelineBenchmark.warmUpCount(new BenchOptions(100_000, 1, 4, 0.1, true, null))).isEqualTo(400);
    }

    @Test
    void warmUpTimeGrowsWithTheCorpusWithinBounds() {
        assertThat(PipelineRun.maxWarmUp(40)).hasSeconds(10);
        assertThat(PipelineRun.maxWarmUp(1_000)).hasSeconds(90);
        assertThat(PipelineRun.maxWarmUp(2_000)).isEqualTo(PipelineRun.MAX_WARM_UP);
        assertThat(PipelineRun.maxWarmUp(1_000_000)).isEqualTo(PipelineRun.MAX_WARM_UP);
    }

    @Test
    void taggerOnlyPassesCombineAsAllTheirArticlesOverAllTheirTime() {
        TaggerOnlyRun.Pass before = new TaggerOnlyRun.Pass(Throughput.of(100, 1_000_000_000L, 2_000_000), 4.0);
        TaggerOnlyRun.Pass after = new TaggerOnlyRun.Pass(Throughput.of(100, 3_000_000_000L, 2_000_000), 6.0);

        TaggerOnlyRun.Pass both = TaggerOnlyRun.Pass.combined(before, after);

        assertThat(both.throughput().items()).isEqualTo(200);
        assertThat(both.throughput().seconds()).isEqualTo(4.0);
        assertThat(both.throughput().perSecond()).isEqualTo(50.0);
        assertThat(both.throughput().megabytesPerSecond()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(both.cpuMillisPerArticle()).isEqualTo(5.0);
    }

    @Test
    void aGivenClusterNeedsBothAddresses() {
        assertThatThrownBy(() -> new ExternalCluster(" ", "http://127.0.0.1:8081"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> new ExternalCluster("127.0.0.1:9092", "127.0.0.1:8081"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)://");
        assertThat(new ExternalCluster("127.0.0.1:9092", "http://127.0.0.1:8081").bootstrapServers())
                .isEqualTo("127.0.0.1:9092");
    }
}
