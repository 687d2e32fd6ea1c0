/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro records in the Confluent wire format; a drop-in, by class name and
 * config map, for Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}.
 * Configure it as {@code default.value.serde=io.newsflow.serde.SpecificAvroSerde} with
 * {@code schema.registry.url}, or construct it and call {@link #configure}.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    public SpecificAvroSerde() {
        serializer = new SpecificAvroSerializer<>();
        deserializer = new SpecificAvroDeserializer<>();
    }

    /** Both sides use {@code client} rather than building one from {@code schema.registry.url}. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        serializer = new SpecificAvroSerializer<>(client);
        deserializer = new SpecificAvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
