/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import org.apache.avro.specific.SpecificRecord;

/** Typed {@link KafkaAvroSerializer} for generated records; same config, same bytes. */
public class SpecificAvroSerializer<T extends SpecificRecord> extends TypedAvroSerializer<T> {

    public SpecificAvroSerializer() {
        super(new KafkaAvroSerializer());
    }

    public SpecificAvroSerializer(SchemaRegistryClient client) {
        super(new KafkaAvroSerializer(client));
    }
}
