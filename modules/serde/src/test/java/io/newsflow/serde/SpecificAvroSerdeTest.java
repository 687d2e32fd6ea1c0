/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;

/** The specific serde round-trips generated records through a mock:// registry and reads older versions. */
class SpecificAvroSerdeTest {

    private static final String SCOPE = "specific-serde-test";
    private static final Map<String, Object> CONFIG = Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + SCOPE,
            "application.id", "newsflow-test",             // Kafka Streams keys ride along and are ignored
            "default.key.serde", "org.apache.kafka.common.serialization.Serdes$StringSerde");

    @BeforeAll
    static void trustModel() {
        TrustedModelClasses.register();
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void constructedByClassNameRoundTripsAnArticle() throws Exception {
        Serde<RawArticle> serde = (Serde<RawArticle>) Class.forName("io.newsflow.serde.SpecificAvroSerde")
                .getDeclaredConstructor().newInstance();
        serde.configure(CONFIG, false);
        RawArticle article = SampleArticles.harbourArticle();

        byte[] bytes = serde.serializer().serialize("news.raw", article);
        RawArticle read = serde.deserializer().deserialize("news.raw", bytes);

        assertThat(read).isEqualTo(article);
        assertThat(read.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(1_764_057_660_000L));
        int id = MockSchemaRegistry.getClientForScope(SCOPE).getLatestSchemaMetadata("news.raw-value").id();
        assertThat(WireFormat.unframe(bytes).schemaId()).isEqualTo(id);
    }

    @Test
    void keySerdeRegistersUnderTheKeySubject() {
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, true);
            serde.serializer().serialize("news.raw", SampleArticles.harbourArticle());
        }

        SchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(SCOPE);
        assertThat(registry.getLatestSchemaMetadata("news.raw-key").schema())
                .isEqualTo(RawArticle.getClassSchema().toString());
    }

    @Test
    void nullsAreTombstonesBothWays() {
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            assertThat(serde.serializer().serialize("news.raw", null)).isNull();
            assertThat(serde.deserializer().deserialize("news.raw", null)).isNull();
        }
    }

    @Test
    void readsDataWrittenWithAnOlderVersionIntoTheCurrentClass() {
        GenericRecord v1 = new GenericData.Record(SampleArticles.RAW_ARTICLE_V1);
        v1.put("id", "quay-7");
        v1.put("body", "Quay seven reopens.");
        v1.put("contentType", "text/plain");
        v1.put("fetchedAt", 1_764_057_660_000L);
        KafkaAvroSerializer oldProducer = new KafkaAvroSerializer();
        oldProducer.configure(CONFIG, false);
        byte[] oldBytes = oldProducer.serialize("news.raw", v1);

        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>();
        serde.configure(CONFIG, false);
        byte[] newBytes = serde.serializer().serialize("news.raw", SampleArticles.harbourArticle());
        RawArticle old = serde.deserializer().deserialize("news.raw", oldBytes);

        assertThat(WireFormat.unframe(oldBytes).schemaId()).isNotEqualTo(WireFormat.unframe(newBytes).schemaId());
        assertThat(MockSchemaRegistry.getClientForScope(SCOPE).getLatestSchemaMetadata("news.raw-value").version())
                .isEqualTo(2);
        assertThat(old.getId()).isEqualTo("quay-7");
        assertThat(old.getBody()).isEqualTo("Quay seven reopens.");
        assertThat(old.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(1_764_057_660_000L));
        assertThat(old.getLanguage()).as("field added in v2 takes its default").isNull();
        assertThat(old.getHeaders()).as("field added in v2 takes its default").isEmpty();
        assertThat(serde.deserializer().deserialize("news.raw", newBytes)).isEqualTo(SampleArticles.harbourArticle());
    }

    @Test
    void configuredValueTypeIsUsedWhateverTheWriterSchemaIsNamed() {
        // A producer wrote under another record name; the configured class still reads it by field names.
        GenericRecord foreign = new GenericData.Record(new org.apache.avro.Schema.Parser().parse("""
                {"type": "record", "name": "Story", "namespace": "org.example.feeds", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "body", "type": "string"}
                ]}"""));
        foreign.put("id", "story-1");
        foreign.put("body", "Text.");
        KafkaAvroSerializer producer = new KafkaAvroSerializer();
        producer.configure(CONFIG, false);
        byte[] bytes = producer.serialize("feeds.stories", foreign);

        Map<String, Object> config = new HashMap<>(CONFIG);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG, RawArticle.class.getName());
        SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(config, false);

        RawArticle read = deserializer.deserialize("feeds.stories", bytes);
        assertThat(read.getId()).isEqualTo("story-1");
        assertThat(read.getBody()).isEqualTo("Text.");
        assertThat(read.getContentType()).isEqualTo("text/plain");
    }
}
