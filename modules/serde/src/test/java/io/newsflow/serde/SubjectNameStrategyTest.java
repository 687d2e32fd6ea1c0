/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;

/** Each strategy, named as Confluent names it or as we do, registers under the expected subject. */
class SubjectNameStrategyTest {

    private static final String SCOPE = "subject-strategy-test";

    @BeforeAll
    static void trustModel() {
        TrustedModelClasses.register();
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @ParameterizedTest
    @CsvSource({
        "io.confluent.kafka.serializers.subject.TopicNameStrategy,       false, news.raw-value",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy,       true,  news.raw-key",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy,      false, io.newsflow.model.RawArticle",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, false, news.raw-io.newsflow.model.RawArticle",
        "io.newsflow.serde.TopicRecordNameStrategy,                      true,  news.raw-io.newsflow.model.RawArticle",
        "RecordNameStrategy,                                             true,  io.newsflow.model.RawArticle"
    })
    void registersUnderTheStrategysSubject(String strategy, boolean isKey, String expectedSubject) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + SCOPE);
        config.put(isKey ? AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY : AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                strategy);
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(config, isKey);
            byte[] bytes = serde.serializer().serialize("news.raw", SampleArticles.harbourArticle());

            SchemaMetadata registered = MockSchemaRegistry.getClientForScope(SCOPE).getLatestSchemaMetadata(expectedSubject);
            assertThat(WireFormat.unframe(bytes).schemaId()).isEqualTo(registered.id());
            assertThat(serde.deserializer().deserialize("news.raw", bytes)).isEqualTo(SampleArticles.harbourArticle());
        }
    }

    @Test
    void strategyMayBeGivenAsAClass() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class));

        assertThat(config.subjectNameStrategy(false)).isInstanceOf(RecordNameStrategy.class);
        assertThat(config.subjectNameStrategy(true)).as("keys keep the default").isInstanceOf(TopicNameStrategy.class);
    }

    @Test
    void recordStrategiesRefusePrimitives() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + SCOPE,
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"), true);

        assertThatThrownBy(() -> serializer.serialize("news.raw", "harbour-2026-11-25"))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("record schema");
    }

    @Test
    void unknownStrategyIsAConfigError() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.NoSuchStrategy"));

        assertThatThrownBy(() -> config.subjectNameStrategy(false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NoSuchStrategy");
    }
}
