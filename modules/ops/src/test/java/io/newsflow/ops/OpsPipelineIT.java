/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.model.RawArticle;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.Topics;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.streams.stages.EntityTagging;
import io.newsflow.testkit.NewsflowStackExtension;
import io.newsflow.testkit.TopicReader;

/**
 * The pipeline on a real broker and registry with newsflow's metrics and ops endpoints attached, scraped over
 * HTTP as Prometheus would: the counters match the batch fed in, and readiness follows the lifecycle.
 */
class OpsPipelineIT {

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    private static final int GOOD = OpsStories.TEN.size();
    private static final int COPIES = 2;
    private static final int BAD = 1;

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBatchIsCountedAndReadinessFollowsStartupRunningAndShutdown() throws Exception {
        NewsflowConfig config = config();
        Topics topics = config.topics();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NewsflowStreamsApp app = new NewsflowStreamsApp(config, EntityTagging.NONE,
                new MicrometerPipelineMetrics(registry));
        Readiness readiness = Readiness.of(app);
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, registry, readiness);
             KafkaMetricsBridge kafkaMetrics = new KafkaMetricsBridge(registry,
                     Tags.of("application.id", config.applicationId()))) {
            kafkaMetrics.bind(app.streams());
            URI base = server.baseUri();
            assertThat(status(base, "/health/ready")).as("ready before start").isEqualTo(503);

            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
            assertThat(status(base, "/health/ready")).as("ready while RUNNING but still warming up")
                    .isEqualTo(503);
            assertThat(status(base, "/health/live")).isEqualTo(200);

            readiness.markStartupComplete();
            assertThat(status(base, "/health/ready")).as("ready once RUNNING and warm").isEqualTo(200);

            // Copies go in only once their originals are out: the test is about counting, not about racing
            // an original and its copy through the dedup stores.
            try (KafkaProducer<String, RawArticle> producer = producer(config)) {
                OpsStories.TEN.forEach(story -> producer.send(new ProducerRecord<>(topics.raw(), story.id(),
                        OpsStories.article(story))));
            }
            awaitAccountedFor(topics, GOOD);
            try (KafkaProducer<String, RawArticle> producer = producer(config)) {
                producer.send(new ProducerRecord<>(topics.raw(), "ops-copy-1",
                        OpsStories.trackedCopy(OpsStories.TEN.get(2), "ops-copy-1")));
                producer.send(new ProducerRecord<>(topics.raw(), "ops-copy-2",
                        OpsStories.trackedCopy(OpsStories.TEN.get(7), "ops-copy-2")));
                producer.send(new ProducerRecord<>(topics.raw(), "ops-empty", OpsStories.emptyBody("ops-empty")));
            }
            awaitAccountedFor(topics, GOOD + COPIES + BAD);
            // Stages count as they process, before the transaction that makes output visible commits.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PrometheusScrape scrape = PrometheusScrape.parse(get(base, "/metrics").body());
                assertThat(scrape.sum("newsflow_records_in_total", "topic", topics.raw()))
                        .isEqualTo(GOOD + COPIES + BAD);
                assertThat(scrape.sum("newsflow_records_out_total", "topic", topics.enriched())).isEqualTo(GOOD);
                assertThat(scrape.sum("newsflow_records_out_total", "topic", topics.duplicates()))
                        .isEqualTo(COPIES);
                assertThat(scrape.sum("newsflow_records_out_total", "topic", topics.deadLetter())).isEqualTo(BAD);
                assertThat(scrape.sum("newsflow_duplicates_total", "kind", "EXACT")).isEqualTo(COPIES);
                assertThat(scrape.sum("newsflow_duplicates_total", "kind", "NEAR")).isZero();
                assertThat(scrape.sum("newsflow_dead_letters_total")).isEqualTo(BAD);
                assertThat(scrape.sum("newsflow_dead_letters_total", "stage", "validate")).isEqualTo(BAD);
                assertThat(scrape.sum("newsflow_end_to_end_lag_seconds_count")).isEqualTo(GOOD + COPIES);
                assertThat(scrape.sum("newsflow_stage_seconds_count", "stage", "validate"))
                        .isGreaterThanOrEqualTo(GOOD + COPIES);
                assertThat(scrape.sum("newsflow_entities_total")).as("EntityTagging.NONE tags nothing").isZero();
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    PrometheusScrape.parse(get(base, "/metrics").body()).hasMetricStartingWith("kafka_stream_"))
                    .as("Kafka Streams' own metrics are bridged").isTrue());

            readiness.markShuttingDown();
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(status(base, "/health/ready")).as("ready once shutdown began").isEqualTo(503);
            app.close();
            assertThat(status(base, "/health/ready")).as("ready after close").isEqualTo(503);
            assertThat(status(base, "/health/live")).as("a clean stop is not a failure").isEqualTo(200);
        } finally {
            app.close();
        }
    }

    private static KafkaProducer<String, RawArticle> producer(NewsflowConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Serializer<RawArticle> values = new ValueSerdes(config).forValues(RawArticle.class).serializer();
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    /** Waits until every input record is on an output topic, read_committed as a downstream consumer sees it. */
    private static void awaitAccountedFor(Topics topics, int expected) {
        TopicReader<byte[], byte[]> reader = TopicReader.of(STACK.bootstrapServers(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                reader.readToEnd(topics.enriched()).size() + reader.readToEnd(topics.duplicates()).size()
                        + reader.readToEnd(topics.deadLetter()).size() >= expected);
    }

    private NewsflowConfig config() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "ops-" + run + ".";
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.BOOTSTRAP_SERVERS, STACK.bootstrapServers());
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, STACK.schemaRegistryUrl());
        settings.put(NewsflowConfig.APPLICATION_ID, "ops-it-" + run);
        settings.put(NewsflowConfig.TOPIC_RAW, prefix + "news.raw");
        settings.put(NewsflowConfig.TOPIC_ENRICHED, prefix + "news.enriched");
        settings.put(NewsflowConfig.TOPIC_DUPLICATES, prefix + "news.duplicates");
        settings.put(NewsflowConfig.TOPIC_DEAD_LETTER, prefix + "news.dead-letter");
        settings.put(NewsflowConfig.TOPIC_PARTITIONS, 2);
        settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
        settings.put("streams.consumer.session.timeout.ms", "10000");
        return new NewsflowConfig(settings);
    }

    private int status(URI base, String path) throws Exception {
        return get(base, path).statusCode();
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
