/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import org.apache.avro.generic.GenericRecord;

/** Typed {@link KafkaAvroSerializer} for generic records. */
public class GenericAvroSerializer extends TypedAvroSerializer<GenericRecord> {

    public GenericAvroSerializer() {
        super(new KafkaAvroSerializer());
    }

    public GenericAvroSerializer(SchemaRegistryClient client) {
        super(new KafkaAvroSerializer(client));
    }
}
