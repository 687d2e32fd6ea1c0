/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.registry.RegistryClient.Reply;
import io.newsflow.serde.SpecificAvroSerde;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.newsflow.registry.HeadlineSchemas.FEED;
import static io.newsflow.registry.HeadlineSchemas.REQUIRED_WORD_COUNT;
import static io.newsflow.registry.HeadlineSchemas.V1;
import static io.newsflow.registry.HeadlineSchemas.V2_OPTIONAL_SECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The registry on a real Kafka broker: the schema log survives restarts and is shared by instances. */
class KafkaBackedRegistryIT {

    private static final String SUBJECT = "news.headlines-value";

    @TempDir
    static Path logDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().logDir(logDir).build();
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static SchemaRegistryServer registryOn(String topic) throws IOException {
        return SchemaRegistryServer.start(RegistryServerConfig.builder()
                .bootstrapServers(broker.bootstrapServers())
                .topic(topic)
                .build());
    }

    @Test
    void aRestartedRegistryServesTheSameIdsVersionsAndConfig() throws IOException {
        String topic = "_schemas_restart";
        int v1;
        int v2;
        int feed;
        try (SchemaRegistryServer first = registryOn(topic)) {
            RegistryClient client = new RegistryClient(first.url());
            v1 = client.registerOk(SUBJECT, V1);
            v2 = client.registerOk(SUBJECT, V2_OPTIONAL_SECTION);
            feed = client.registerOk("news.feeds-value", FEED);
            Reply rejected = client.register(SUBJECT, REQUIRED_WORD_COUNT);
            assertThat(rejected.status()).isEqualTo(409);
            assertThat(rejected.errorCode()).isEqualTo(409);
            client.put("/config/news.feeds-value", Map.of("compatibility", "FULL"));
            client.delete("/subjects/news.feeds-value/versions/1");
        }
        assertThat(List.of(v1, v2, feed)).containsExactly(1, 2, 3);

        try (SchemaRegistryServer second = registryOn(topic)) {
            RegistryClient client = new RegistryClient(second.url());
            assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1, 2);
            assertThat(client.get("/subjects/" + SUBJECT + "/versions/1").body().get("id").asInt()).isEqualTo(v1);
            assertThat(client.get("/subjects/" + SUBJECT + "/versions/latest").body().get("id").asInt()).isEqualTo(v2);
            assertThat(client.post("/subjects/" + SUBJECT, Map.of("schema", V2_OPTIONAL_SECTION)).body()
                    .get("version").asInt()).isEqualTo(2);
            assertThat(client.get("/schemas/ids/" + feed).status()).isEqualTo(200);
            assertThat(client.get("/subjects/news.feeds-value/versions").errorCode()).isEqualTo(40401);
            assertThat(client.get("/config/news.feeds-value").body().get("compatibilityLevel").asText())
                    .isEqualTo("FULL");
            // Re-registering is still idempotent, the old rule still applies, and new ids continue after 3.
            assertThat(client.registerOk(SUBJECT, V2_OPTIONAL_SECTION)).isEqualTo(v2);
            assertThat(client.register(SUBJECT, REQUIRED_WORD_COUNT).status()).isEqualTo(409);
            assertThat(client.registerOk("news.sections-value", """
                    {"type":"record","name":"Section","fields":[{"name":"label","type":"string"}]}""")).isEqualTo(4);
        }
    }

    @Test
    void twoRegistriesOnOneTopicServeWhatTheOtherRegistered() throws IOException {
        String topic = "_schemas_shared";
        try (SchemaRegistryServer a = registryOn(topic); SchemaRegistryServer b = registryOn(topic)) {
            RegistryClient clientA = new RegistryClient(a.url());
            RegistryClient clientB = new RegistryClient(b.url());

            int headline = clientA.registerOk(SUBJECT, V1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(clientB.get("/schemas/ids/" + headline).status()).isEqualTo(200));
            assertThat(clientB.get("/subjects/" + SUBJECT + "/versions/latest").body().get("id").asInt())
                    .isEqualTo(headline);

            // B catches up before writing, so it neither reuses id 1 nor duplicates A's version.
            int sameAgain = clientB.registerOk(SUBJECT, V1);
            int feed = clientB.registerOk("news.feeds-value", FEED);
            int evolved = clientB.registerOk(SUBJECT, V2_OPTIONAL_SECTION);
            assertThat(sameAgain).isEqualTo(headline);
            assertThat(feed).isEqualTo(headline + 1);
            assertThat(evolved).isEqualTo(headline + 2);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ints(clientA.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1, 2));
            assertThat(clientA.get("/schemas/ids/" + feed).status()).isEqualTo(200);
            // A sees B's v2 as the latest, so A enforces compatibility against it.
            assertThat(clientA.register(SUBJECT, REQUIRED_WORD_COUNT).status()).isEqualTo(409);
        }
    }

    @Test
    void concurrentWritersOnTwoRegistriesGetDistinctIdsAndEveryInstanceAgrees() throws Exception {
        String topic = "_schemas_race";
        String subject = "news.race-value";
        int writes = 8;
        Map<Integer, Integer> idBySchema = new ConcurrentHashMap<>();
        try (SchemaRegistryServer a = registryOn(topic); SchemaRegistryServer b = registryOn(topic)) {
            RegistryClient clientA = new RegistryClient(a.url());
            RegistryClient clientB = new RegistryClient(b.url());
            clientA.put("/config", Map.of("compatibility", "NONE"));
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int n = 0; n < writes; n++) {
                    int story = n;
                    RegistryClient through = story % 2 == 0 ? clientA : clientB;
                    done.add(writers.submit(() -> idBySchema.put(story, through.registerOk(subject, story(story)))));
                }
                for (Future<?> write : done) {
                    write.get(60, TimeUnit.SECONDS);
                }
            } finally {
                writers.shutdownNow();
            }

            assertThat(Set.copyOf(idBySchema.values())).hasSize(writes);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(clientA.get("/subjects/" + subject + "/versions").body()).hasSize(writes);
                assertThat(clientB.get("/subjects/" + subject + "/versions").body()).hasSize(writes);
            });
            try (SchemaRegistryServer c = registryOn(topic)) {
                RegistryClient clientC = new RegistryClient(c.url());
                for (RegistryClient client : List.of(clientA, clientB, clientC)) {
                    idBySchema.forEach((story, id) -> assertThat(
                            new Schema.Parser().parse(client.get("/schemas/ids/" + id).body()
                                    .get("schema").asText()).getName()).isEqualTo("Story" + story));
                    for (int version = 1; version <= writes; version++) {
                        assertThat(client.get("/subjects/" + subject + "/versions/" + version).body().get("id"))
                                .isEqualTo(clientA.get("/subjects/" + subject + "/versions/" + version).body().get("id"));
                    }
                }
            }
        }
    }

    private static String story(int n) {
        return "{\"type\":\"record\",\"name\":\"Story" + n + "\",\"fields\":[{\"name\":\"words\",\"type\":\"int\"}]}";
    }

    @Test
    void closingTheRegistryStopsItsSchemaLogReader() throws IOException {
        String topic = "_schemas_close";
        String readerName = "schema-registry-log-reader-" + topic;
        SchemaRegistryServer registry = registryOn(topic);
        assertThat(threadNames()).contains(readerName);

        registry.close();

        assertThat(threadNames()).doesNotContain(readerName);
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    @Test
    void theSchemaTopicIsCreatedCompactedWithOnePartition() throws Exception {
        String topic = "_schemas_layout";
        try (SchemaRegistryServer registry = registryOn(topic);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(new RegistryClient(registry.url()).get("/subjects").status()).isEqualTo(200);
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);

            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        } catch (ExecutionException e) {
            throw new AssertionError("Could not describe " + topic, e.getCause());
        }
    }

    @Test
    void newsflowsSerdeRoundTripsARawArticleThroughTheKafkaBackedRegistry() throws IOException {
        TrustedModelClasses.register();
        try (SchemaRegistryServer registry = registryOn("_schemas_serde");
             SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", registry.url().toString()), false);
            RawArticle sent = ArticleSerdeRoundTripTest.article();

            byte[] bytes = serde.serializer().serialize("news.raw", sent);
            RawArticle received = serde.deserializer().deserialize("news.raw", bytes);

            assertThat(received).isEqualTo(sent);
            assertThat(new RegistryClient(registry.url()).get("/subjects").body().toString())
                    .contains("news.raw-value");
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asInt()));
        return values;
    }
}
