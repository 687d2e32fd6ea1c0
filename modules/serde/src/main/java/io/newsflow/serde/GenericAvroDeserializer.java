/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Typed {@link KafkaAvroDeserializer} that always reads generic records ({@code specific.avro.reader} forced false). */
public class GenericAvroDeserializer implements Deserializer<GenericRecord> {

    private final KafkaAvroDeserializer inner;

    public GenericAvroDeserializer() {
        inner = new KafkaAvroDeserializer();
    }

    public GenericAvroDeserializer(SchemaRegistryClient client) {
        inner = new KafkaAvroDeserializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
        inner.configure(generic, isKey);
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] bytes) {
        Object value = inner.deserialize(topic, bytes);
        if (value != null && !(value instanceof GenericRecord)) {
            throw new SerializationException("Expected a record on topic " + topic + " but the payload decoded to "
                    + value.getClass().getName());
        }
        return (GenericRecord) value;
    }

    @Override
    public void close() {
        inner.close();
    }
}
