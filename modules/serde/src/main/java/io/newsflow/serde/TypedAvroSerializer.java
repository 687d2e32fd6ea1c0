/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;

/**
 * What the typed serializers share: a {@link KafkaAvroSerializer} behind a narrower record type, so that the
 * generic and the specific one write the same bytes from the same configuration.
 */
abstract class TypedAvroSerializer<T> implements Serializer<T> {

    private final KafkaAvroSerializer inner;

    TypedAvroSerializer(KafkaAvroSerializer inner) {
        this.inner = inner;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        return inner.serialize(topic, record);
    }

    @Override
    public void close() {
        inner.close();
    }
}
