/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.GenericAvroSerializer;
import io.newsflow.serde.RegistryException;
import io.newsflow.serde.RestSchemaRegistryClient;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.serde.WireFormat;

/**
 * newsflow's serde and registry client against the real Confluent Schema Registry (the image the
 * compose file runs) on a real Kafka broker: what the in-process fakes of the serde module can only
 * imitate. Registration, the schema id in the wire bytes, schema evolution under the registry's
 * default BACKWARD compatibility, and the 409 an incompatible schema gets.
 *
 * <p>Needs a Docker engine; without one JUnit reports these tests as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryCompatibilityIT {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName REGISTRY_IMAGE = DockerImageName.parse("confluentinc/cp-schema-registry:7.9.2");
    private static final int REGISTRY_PORT = 8081;

    private static final Network NETWORK = Network.newNetwork();

    /** Reachable from the registry container as kafka:19092, from the test through the mapped port. */
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE)
            .withNetwork(NETWORK)
            .withNetworkAliases("kafka")
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>(REGISTRY_IMAGE)
            .withNetwork(NETWORK)
            .withNetworkAliases("schema-registry")
            .withExposedPorts(REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    /** RawArticle as an earlier release wrote it: no language, no headers. */
    static final Schema RAW_ARTICLE_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "RawArticle", "namespace": "io.newsflow.model", "fields": [
              {"name": "id", "type": "string"},
              {"name": "url", "type": ["null", "string"], "default": null},
              {"name": "source", "type": ["null", "string"], "default": null},
              {"name": "title", "type": ["null", "string"], "default": null},
              {"name": "body", "type": "string"},
              {"name": "contentType", "type": "string", "default": "text/plain"},
              {"name": "publishedAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
              {"name": "fetchedAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null}
            ]}""");

    /** A careless next version: a new field without a default, which old records cannot fill. */
    static final Schema RAW_ARTICLE_WITH_REQUIRED_WORD_COUNT = withRequiredField(RawArticle.getClassSchema(), "wordCount");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RestSchemaRegistryClient client;
    private SpecificAvroSerde<RawArticle> serde;

    @BeforeAll
    static void trustModel() {
        TrustedModelClasses.register();
    }

    @BeforeEach
    void connect() {
        client = new RestSchemaRegistryClient(List.of(registryUrl()), Map.of());
        serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl()), false);
    }

    @AfterEach
    void disconnect() {
        serde.close();
        client.close();
    }

    @Test
    void serdeRegistersRawArticleAndRoundTripsItThroughKafka() throws Exception {
        String topic = "news.raw";
        RawArticle article = ferryArticle();

        byte[] payload = serde.serializer().serialize(topic, article);

        JsonNode latest = registryGet("/subjects/" + topic + "-value/versions/latest");
        assertThat(WireFormat.unframe(payload).schemaId()).isEqualTo(latest.path("id").asInt());
        assertThat(latest.path("version").asInt()).isEqualTo(1);
        assertThat(new Schema.Parser().parse(latest.path("schema").asText())).isEqualTo(RawArticle.getClassSchema());

        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, article.getId(), article)).get();
        }
        assertThat(consumeOne(topic).value()).isEqualTo(article);
    }

    @Test
    void evolutionFromV1ToTheCurrentRawArticleIsAccepted() {
        String topic = "news.raw.evolution";
        String subject = topic + "-value";
        int v1Id = client.register(subject, RAW_ARTICLE_V1);
        byte[] writtenByV1 = v1Serializer().serialize(topic, v1Record());

        assertThat(client.testCompatibility(subject, RawArticle.getClassSchema())).isTrue();
        byte[] writtenByV2 = serde.serializer().serialize(topic, ferryArticle());

        int v2Id = WireFormat.unframe(writtenByV2).schemaId();
        assertThat(WireFormat.unframe(writtenByV1).schemaId()).isEqualTo(v1Id);
        assertThat(v2Id).isNotEqualTo(v1Id);
        JsonNode latest = registryGet("/subjects/" + subject + "/versions/latest");
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asInt()).isEqualTo(v2Id);

        // The current reader fills the fields v1 lacked from their defaults.
        RawArticle old = serde.deserializer().deserialize(topic, writtenByV1);
        assertThat(old.getId()).isEqualTo("gull-island-ferry-v1");
        assertThat(old.getBody()).isEqualTo(v1Record().get("body"));
        assertThat(old.getLanguage()).isNull();
        assertThat(old.getHeaders()).isEmpty();
    }

    @Test
    void incompatibleChangeIsRejectedWith409() {
        String subject = "news.raw.incompatible-value";
        client.register(subject, RawArticle.getClassSchema());

        assertThat(client.testCompatibility(subject, RAW_ARTICLE_WITH_REQUIRED_WORD_COUNT)).isFalse();
        assertThatThrownBy(() -> client.register(subject, RAW_ARTICLE_WITH_REQUIRED_WORD_COUNT))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE_SCHEMA);
                });
        assertThat(registryGet("/subjects/" + subject + "/versions")).containsExactly(JSON.getNodeFactory().numberNode(1));
    }

    private static RawArticle ferryArticle() {
        return RawArticle.newBuilder()
                .setId("gull-island-ferry")
                .setUrl("http://feeds/articles/ferry-resumes.html")
                .setSource("Harbour City Gazette")
                .setTitle("Ferry service to Gull Island resumes after hull repairs")
                .setBody("<p>The ferry between Harbour City and Gull Island resumed its crossings on Tuesday.</p>")
                .setContentType("text/html")
                .setLanguage("en")
                .setPublishedAt(Instant.parse("2026-11-24T07:30:00Z"))
                .setFetchedAt(Instant.parse("2026-11-24T07:31:15Z"))
                .setHeaders(Map.of("feed", "http://feeds/harbour-city.rss.xml"))
                .build();
    }

    private static GenericRecord v1Record() {
        GenericRecord record = new GenericData.Record(RAW_ARTICLE_V1);
        record.put("id", "gull-island-ferry-v1");
        record.put("body", "The island ferry is running again following three weeks of hull work.");
        record.put("contentType", "text/plain");
        return record;
    }

    private static GenericAvroSerializer v1Serializer() {
        GenericAvroSerializer serializer = new GenericAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl()), false);
        return serializer;
    }

    private static Schema withRequiredField(Schema base, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, Schema.create(Schema.Type.INT), "Words in the body.", (Object) null));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    private ConsumerRecord<String, RawArticle> consumeOne(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "confluent-it-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, RawArticle>> received = new ArrayList<>();
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        return received.get(0);
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    /** Asks the registry's REST API directly, so that the answer does not come through the client under test. */
    private static JsonNode registryGet(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl() + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json").GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + path, e);
        }
    }

    private static String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(REGISTRY_PORT);
    }
}
