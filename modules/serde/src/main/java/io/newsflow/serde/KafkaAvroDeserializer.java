/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.serde.internals.AvroBodyReader;

/**
 * Reads Confluent-framed Avro: fetches the writer schema by the id in the payload and resolves it
 * to the reader schema, producing generic records, or generated classes when
 * {@code specific.avro.reader=true}. A drop-in for Confluent's
 * {@code io.confluent.kafka.serializers.KafkaAvroDeserializer}. Null payloads become null.
 *
 * <p>Failures are {@link SerializationException}s whose message names the problem; when the cause
 * is a {@link RegistryUnavailableException} the data may be fine and the read worth retrying.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAvroDeserializer.class);

    private final RegistryClientSlot registry;
    private AvroBodyReader reader;

    /** For construction by class name; {@link #configure} must follow. */
    public KafkaAvroDeserializer() {
        registry = new RegistryClientSlot();
    }

    /** Uses {@code client} instead of one built from {@code schema.registry.url}; generic until configured. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        registry = new RegistryClientSlot(client);
        applyConfig(new AvroSerdeConfig(Map.of()), false);
    }

    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
        registry = new RegistryClientSlot(client);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        applyConfig(new AvroSerdeConfig(configs), isKey);
    }

    private void applyConfig(AvroSerdeConfig config, boolean isKey) {
        registry.configure(config);
        reader = new AvroBodyReader(config.specificAvroReader(), config.specificType(isKey),
                config.useLogicalTypeConverters());
        LOG.debug("Avro deserializer configured: key={}, registry={}, specific={}",
                isKey, config.registryUrls(), config.specificAvroReader());
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (reader == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        WireFormat.Frame frame = WireFormat.unframe(bytes);
        return reader.read(frame, writerSchema(frame.schemaId()));
    }

    private Schema writerSchema(int id) {
        try {
            return registry.client().getSchemaById(id);
        } catch (RegistryUnavailableException e) {
            throw new SerializationException("Schema registry unavailable while reading schema id " + id
                    + " (retriable): " + e.getMessage(), e);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("Unknown schema id " + id + ": the registry has no schema with this id ("
                        + e.getMessage() + ")", e);
            }
            throw new SerializationException("Schema registry refused schema id " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
