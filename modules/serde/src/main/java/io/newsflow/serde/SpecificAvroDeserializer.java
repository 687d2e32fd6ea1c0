/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Typed {@link KafkaAvroDeserializer} that always reads generated classes
 * ({@code specific.avro.reader} is forced to true): the class named by the writer schema, or the
 * one given to the constructor / {@code specific.avro.value.type}.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final KafkaAvroDeserializer inner;
    private final Class<T> type;

    public SpecificAvroDeserializer() {
        this(null, null);
    }

    public SpecificAvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /** Reads every value into {@code type}, resolving from whatever compatible schema wrote it. */
    public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
        this.inner = client == null ? new KafkaAvroDeserializer() : new KafkaAvroDeserializer(client);
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        if (type != null) {
            specific.put(isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE_CONFIG
                    : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG, type);
        }
        inner.configure(specific, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        Object value = inner.deserialize(topic, bytes);
        if (value != null && !(value instanceof SpecificRecord)) {
            throw new SerializationException("Expected a SpecificRecord on topic " + topic + " but schema id "
                    + WireFormat.unframe(bytes).schemaId() + " decoded to " + value.getClass().getName());
        }
        return (T) value;
    }

    @Override
    public void close() {
        inner.close();
    }
}
