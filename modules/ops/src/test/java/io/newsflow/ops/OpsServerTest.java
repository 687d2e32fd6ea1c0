/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The endpoints over real HTTP on a free loopback port, with a fake Kafka Streams state. */
class OpsServerTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final Readiness readiness = new Readiness(state::get);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private OpsServer server;

    @BeforeEach
    void start() throws IOException {
        server = OpsServer.start("127.0.0.1", 0, registry, readiness);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metricsArePublishedInThePrometheusTextFormat() throws Exception {
        metrics.recordIn("news.raw");
        metrics.recordIn("news.raw");
        metrics.recordIn("news.raw");
        metrics.recordOut("news.enriched");
        metrics.duplicate("EXACT");
        metrics.boilerplateRemoved("template", 80);
        metrics.entityTagged("LOC");
        metrics.deadLettered("validate", "StageException");
        metrics.stageTime("clean", 2_000_000);
        metrics.endToEndLag(700);

        HttpResponse<String> response = get("/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OpsServer.PROMETHEUS_TEXT);
        assertThat(response.body())
                .contains("# TYPE newsflow_records_in_total counter")
                .contains("newsflow_records_in_total{topic=\"news.raw\"} 3")
                .contains("newsflow_records_out_total{topic=\"news.enriched\"} 1")
                .contains("newsflow_duplicates_total{kind=\"EXACT\"} 1")
                .contains("newsflow_boilerplate_removed_chars_total{reason=\"template\"} 80")
                .contains("newsflow_boilerplate_blocks_total{reason=\"template\"} 1")
                .contains("newsflow_entities_total{type=\"LOC\"} 1")
                .contains("newsflow_dead_letters_total{reason=\"StageException\",stage=\"validate\"} 1")
                .contains("# TYPE newsflow_stage_seconds histogram")
                .contains("newsflow_stage_seconds_count{stage=\"clean\"} 1")
                .contains("newsflow_stage_seconds_bucket{stage=\"clean\",le=\"+Inf\"} 1")
                .contains("# TYPE newsflow_end_to_end_lag_seconds histogram")
                .contains("newsflow_end_to_end_lag_seconds_bucket{le=\"0.5\"} 0")
                .contains("newsflow_end_to_end_lag_seconds_bucket{le=\"1.0\"} 1")
                .contains("newsflow_end_to_end_lag_seconds_sum 0.7");
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() throws Exception {
        metrics.recordIn("news.raw");

        HttpResponse<String> response = get("/metrics",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OpsServer.OPENMETRICS_TEXT);
        assertThat(response.body())
                .contains("# TYPE newsflow_records_in counter")
                .contains("newsflow_records_in_total{topic=\"news.raw\"} 1")
                .endsWith("# EOF\n");
    }

    @Test
    void readinessFollowsStartupStreamsStateAndShutdown() throws Exception {
        assertHealth("/health/ready", 503, "DOWN");

        state.set(State.RUNNING);
        JsonNode warming = assertHealth("/health/ready", 503, "DOWN");
        assertThat(warming.get("reason").asText()).contains("startup");
        assertThat(warming.get("streams").asText()).isEqualTo("RUNNING");

        readiness.markStartupComplete();
        assertHealth("/health/ready", 200, "UP");

        readiness.markShuttingDown();
        assertThat(assertHealth("/health/ready", 503, "DOWN").get("reason").asText()).contains("shutting down");
    }

    @Test
    void livenessIsUpUntilKafkaStreamsFails() throws Exception {
        state.set(State.REBALANCING);
        assertHealth("/health/live", 200, "UP");

        state.set(State.ERROR);
        assertThat(assertHealth("/health/live", 503, "DOWN").get("reason").asText()).contains("ERROR");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/metrics/extra", null).statusCode()).isEqualTo(404);
        assertThat(get("/health", null).statusCode()).isEqualTo(404);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aFreePortIsPickedAndReported() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
    }

    private JsonNode assertHealth(String path, int status, String health) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).as("%s status", path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo(health);
        return body;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.baseUri().resolve(path);
    }
}
