/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;

/** Generic records round-trip, and specific data can be read generically and the other way round. */
class GenericAvroSerdeTest {

    private static final String SCOPE = "generic-serde-test";
    private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + SCOPE);

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
    void roundTripsAGenericRecord() {
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(CONFIG, false);
            GenericRecord headline = SampleArticles.headline("Ferry timetable changes", 3, 0.75, "transport", "coast");

            GenericRecord read = serde.deserializer().deserialize("news.headlines",
                    serde.serializer().serialize("news.headlines", headline));

            assertThat(read.getSchema()).isEqualTo(SampleArticles.HEADLINE);
            assertThat(read.get("title")).isEqualTo(new Utf8("Ferry timetable changes"));
            assertThat(read.get("words")).isEqualTo(3);
            assertThat(read.get("score")).isEqualTo(0.75);
            assertThat((List<Object>) read.get("tags")).containsExactly(new Utf8("transport"), new Utf8("coast"));
        }
    }

    @Test
    void specificDataReadsGenericallyWithRawOrConvertedTimestamps() {
        SpecificAvroSerializer<RawArticle> producer = new SpecificAvroSerializer<>();
        producer.configure(CONFIG, false);
        byte[] bytes = producer.serialize("news.raw", SampleArticles.harbourArticle());

        GenericAvroDeserializer raw = new GenericAvroDeserializer();
        raw.configure(CONFIG, false);
        Map<String, Object> converting = new HashMap<>(CONFIG);
        converting.put(AvroSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, true);
        GenericAvroDeserializer converted = new GenericAvroDeserializer();
        converted.configure(converting, false);

        assertThat(raw.deserialize("news.raw", bytes).get("fetchedAt")).isEqualTo(1_764_057_660_000L);
        assertThat(converted.deserialize("news.raw", bytes).get("fetchedAt"))
                .isEqualTo(Instant.ofEpochMilli(1_764_057_660_000L));
        assertThat(raw.deserialize("news.raw", bytes).get("id")).hasToString("harbour-2026-11-25");
    }

    @Test
    void objectSerdeHandlesPrimitiveKeys() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(CONFIG, true);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(CONFIG, true);

        for (Object key : List.of("harbour-2026-11-25", 42, 42L, true, 1.5d, 2.5f)) {
            String topic = "news.keyed-by-" + key.getClass().getSimpleName();
            Object read = deserializer.deserialize(topic, serializer.serialize(topic, key));
            assertThat(read).isEqualTo(key);
        }
        assertThat(MockSchemaRegistry.getClientForScope(SCOPE).getLatestSchemaMetadata("news.keyed-by-Integer-key").schema())
                .isEqualTo("\"int\"");
    }
}
