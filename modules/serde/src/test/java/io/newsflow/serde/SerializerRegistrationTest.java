/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the serializer picks the schema id: auto-registration, lookup only, or the subject's latest version. */
class SerializerRegistrationTest {

    private static final String SCOPE = "serializer-registration-test";
    private static final String SUBJECT = "news.headlines-value";

    private final SchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    private static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + SCOPE);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private static GenericRecord read(Map<String, Object> config, byte[] bytes) {
        GenericAvroDeserializer deserializer = new GenericAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer.deserialize("news.headlines", bytes);
    }

    @Test
    void autoRegisterRegistersOnFirstUse() {
        byte[] bytes = serializer(config()).serialize("news.headlines", SampleArticles.headline("Tide tables", 2, null));

        SchemaMetadata registered = registry.getLatestSchemaMetadata(SUBJECT);
        assertThat(registered.version()).isEqualTo(1);
        assertThat(WireFormat.unframe(bytes).schemaId()).isEqualTo(registered.id());
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAClearError() {
        KafkaAvroSerializer serializer = serializer(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        assertThatThrownBy(() -> serializer.serialize("news.headlines", SampleArticles.headline("Tide tables", 2, null)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.newsflow.test.Headline is not registered under subject '" + SUBJECT + "'")
                .hasMessageContaining("auto.register.schemas=false")
                .cause().isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void withoutAutoRegisterAnAlreadyRegisteredSchemaIsUsed() {
        int id = registry.register(SUBJECT, SampleArticles.HEADLINE);

        byte[] bytes = serializer(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"))
                .serialize("news.headlines", SampleArticles.headline("Tide tables", 2, null));

        assertThat(WireFormat.unframe(bytes).schemaId()).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchema() {
        registry.register(SUBJECT, SampleArticles.HEADLINE);
        int latestId = registry.register(SUBJECT, SampleArticles.HEADLINE_V2);
        Map<String, Object> config = config(AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);

        byte[] bytes = serializer(config).serialize("news.headlines",
                SampleArticles.headline("Tide tables", 2, 0.5, "coast"));

        assertThat(WireFormat.unframe(bytes).schemaId()).isEqualTo(latestId);
        GenericRecord read = read(config, bytes);
        assertThat(read.getSchema()).isEqualTo(SampleArticles.HEADLINE_V2);
        assertThat(read.get("title")).hasToString("Tide tables");
        assertThat(read.get("score")).isEqualTo(0.5);
        assertThat(read.get("section")).as("new field takes its default").isNull();
    }

    @Test
    void useLatestVersionRefusesRecordsTheLatestSchemaCannotRead() {
        Schema needsSection = new Schema.Parser().parse("""
                {"type": "record", "name": "Headline", "namespace": "io.newsflow.test", "fields": [
                  {"name": "title", "type": "string"},
                  {"name": "section", "type": "string"}
                ]}""");
        registry.register(SUBJECT, needsSection);
        KafkaAvroSerializer serializer = serializer(config(AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        assertThatThrownBy(() -> serializer.serialize("news.headlines", SampleArticles.headline("Tide tables", 2, null)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read")
                .hasMessageContaining("section");
    }

    @Test
    void incompatibleNewVersionIsRefusedByTheRegistry() {
        registry.register(SUBJECT, SampleArticles.HEADLINE);
        Schema breaking = new Schema.Parser().parse("""
                {"type": "record", "name": "Headline", "namespace": "io.newsflow.test", "fields": [
                  {"name": "title", "type": "string"},
                  {"name": "section", "type": "string"}
                ]}""");
        org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(breaking);
        record.put("title", "Tide tables");
        record.put("section", "coast");

        assertThatThrownBy(() -> serializer(config()).serialize("news.headlines", record))
                .isInstanceOf(SerializationException.class)
                .cause().isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE_SCHEMA));
    }

    @Test
    void unreachableRegistryIsARetriableCause() throws java.io.IOException {
        String dead = CannedRegistryServer.deadUrl();
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, dead,
                AvroSerdeConfig.MAX_RETRIES_CONFIG, 1, AvroSerdeConfig.RETRIES_WAIT_MS_CONFIG, 1L), false);

        assertThatThrownBy(() -> serializer.serialize("news.headlines", SampleArticles.headline("Tide tables", 2, null)))
                .isInstanceOf(SerializationException.class)
                .cause().isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.urlsTried()).containsExactly(dead));
        serializer.close();
    }

    @Test
    void recordMissingARequiredValueIsASerializationException() {
        GenericRecord incomplete = SampleArticles.headline(null, 2, null);

        assertThatThrownBy(() -> serializer(config()).serialize("news.headlines", incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.newsflow.test.Headline");
    }
}
