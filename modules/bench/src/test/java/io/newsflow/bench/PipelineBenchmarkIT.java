package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.registry.RegistryServerConfig;
import io.newsflow.registry.SchemaRegistryServer;

/** The pipeline benchmark end to end on a small corpus, tagger off: every record accounted, JSON complete. */
class PipelineBenchmarkIT {

    @TempDir
    Path dir;

    @Test
    void accountsForEveryArticleAndWritesTheResultAsJson() throws Exception {
        Path json = dir.resolve("result/bench.json");

        PipelineBenchResult result = new PipelineBenchmark(new BenchOptions(100, 1, 2, 0.1, false, json, 3, 2)).run();

        Accounting accounting = result.accounting();
        assertThat(accounting.accounted()).isEqualTo(100);
        assertThat(accounting.complete()).isTrue();
        assertThat(accounting.repeated()).as("exactly once").isZero();
        assertThat(accounting.enriched() + accounting.duplicates() + accounting.deadLetters()).isEqualTo(100);
        assertThat(accounting.deadLetters()).isZero();
        assertThat(accounting.copiesInCorpus()).isEqualTo(10);
        assertThat(result.rawKafka().items()).isEqualTo(100);
        assertThat(result.pipeline().items()).isEqualTo(100);
        // a second saturated pass on articles of its own, every one accounted for as well
        assertThat(result.passes()).hasSize(2).allSatisfy(pass -> {
            assertThat(pass.accounting().accounted()).isEqualTo(100);
            assertThat(pass.accounting().repeated()).isZero();
            assertThat(pass.accounting().duplicates()).isEqualTo(10);
            assertThat(pass.pipelinePerSecond()).isPositive();
        });
        assertThat(result.complete()).isTrue();
        assertThat(result.latencyMillis().count()).isEqualTo(100);
        assertThat(result.taggerOnly()).isNull();
        // paced pass: 3 s at half the saturated rate, at least 10 articles, each accounted once
        assertThat(result.pacedRatePerSecond()).isCloseTo(result.pipeline().perSecond() / 2,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(result.pacedLatencyMillis().count()).isGreaterThanOrEqualTo(10);
        assertThat(result.table()).contains("paced at");
        assertThat(result.table()).contains("raw Kafka", "pipeline", "p95", "pipeline / raw Kafka")
                .doesNotContain("tagger only");

        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("articles").asInt()).isEqualTo(100);
        assertThat(written.path("partitions").asInt()).isEqualTo(2);
        for (String pass : new String[] {"rawKafka", "pipeline"}) {
            assertThat(written.path(pass).has("perSecond")).as(pass).isTrue();
            assertThat(written.path(pass).has("seconds")).as(pass).isTrue();
        }
        for (String percentile : new String[] {"p50", "p95", "p99", "max"}) {
            assertThat(written.path("latencyMillis").has(percentile)).as(percentile).isTrue();
        }
        assertThat(written.path("accounting").path("accounted").asInt()).isEqualTo(100);
        assertThat(written.has("heapUsedAfterGcMb")).isTrue();
        assertThat(written.has("pipelineToRawKafka")).isTrue();
        assertThat(written.path("pipelineToTagger").isNull()).isTrue();
        assertThat(written.path("taggerOnly").isNull()).isTrue();
        assertThat(written.path("machine").path("loadAverage").asText()).isNotBlank();
        assertThat(written.path("machine").path("processors").asInt()).isPositive();
        assertThat(written.path("broker").asText()).startsWith("embedded");
    }

    @Test
    void runsOnAGivenClusterAndLeavesNoTopicOfItsOwnBehind() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryServerConfig.defaults(broker.bootstrapServers()));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     broker.bootstrapServers()))) {
            Set<String> before = admin.listTopics().names().get(30, TimeUnit.SECONDS);

            PipelineBenchResult result = new PipelineBenchmark(new BenchOptions(40, 1, 2, 0.1, false, null, 0),
                    new ExternalCluster(broker.bootstrapServers(), registry.url().toString())).run();

            assertThat(result.accounting().complete()).isTrue();
            assertThat(result.accounting().accounted()).isEqualTo(40);
            assertThat(result.broker()).isEqualTo(broker.bootstrapServers());
            assertThat(result.table()).contains("broker and schema registry: " + broker.bootstrapServers());
            Set<String> after = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(after).as("the run's topics are deleted, the cluster's own kept").isEqualTo(before);
        }
    }
}
