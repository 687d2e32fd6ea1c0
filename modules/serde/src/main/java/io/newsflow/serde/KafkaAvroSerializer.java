/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.serde.internals.AvroBodyWriter;

/**
 * Serializes Avro values (generated records, generic records, enums, fixed, primitives) into the
 * Confluent wire format, registering or looking up the schema under the subject the configured
 * strategy names. A drop-in for Confluent's {@code io.confluent.kafka.serializers.KafkaAvroSerializer}:
 * same config keys, same bytes. Null values become null payloads (tombstones).
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAvroSerializer.class);

    private final AvroBodyWriter writer = new AvroBodyWriter();
    private final ConcurrentMap<String, Latest> latestBySubject = new ConcurrentHashMap<>();
    private final RegistryClientSlot registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private SubjectNameStrategy subjectNameStrategy;

    /** The latest version of a subject as fetched at {@code fetchedAtNanos}. */
    private record Latest(int id, Schema schema, long fetchedAtNanos) {
    }

    /** For construction by class name; {@link #configure} must follow. */
    public KafkaAvroSerializer() {
        registry = new RegistryClientSlot();
    }

    /** Uses {@code client} instead of one built from {@code schema.registry.url}; defaults until configured. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        registry = new RegistryClientSlot(client);
        applyConfig(new AvroSerdeConfig(Map.of()), false);
    }

    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
        registry = new RegistryClientSlot(client);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        applyConfig(new AvroSerdeConfig(configs), isKey);
    }

    private void applyConfig(AvroSerdeConfig config, boolean isKey) {
        this.config = config;
        this.isKey = isKey;
        latestBySubject.clear();
        this.subjectNameStrategy = config.subjectNameStrategy(isKey);
        registry.configure(config);
        LOG.debug("Avro serializer configured: key={}, registry={}, auto.register={}, use.latest={}, strategy={}",
                isKey, config.registryUrls(), config.autoRegisterSchemas(), config.useLatestVersion(),
                subjectNameStrategy.getClass().getSimpleName());
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        Schema schema;
        String subject;
        try {
            schema = AvroBodyWriter.schemaOf(data);
            subject = subjectNameStrategy.subjectName(topic, isKey, schema);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Could not serialize a value for topic " + topic + ": " + e.getMessage(), e);
        }
        try {
            if (config.useLatestVersion()) {
                Latest latest = latest(subject);
                return writer.writeAs(latest.id(), data, schema, latest.schema(), config.latestCompatibilityStrict());
            }
            int id = config.autoRegisterSchemas()
                    ? registry.client().register(subject, schema) : lookUp(subject, schema);
            return writer.write(id, data, schema);
        } catch (RegistryUnavailableException e) {
            throw new SerializationException("Schema registry unavailable while serializing " + schema.getFullName()
                    + " for subject '" + subject + "' (retriable): " + e.getMessage(), e);
        } catch (RegistryException e) {
            throw new SerializationException("Schema registry refused " + schema.getFullName() + " for subject '"
                    + subject + "': " + e.getMessage(), e);
        } catch (SerializationException e) {
            throw e;
        } catch (AvroRuntimeException | ClassCastException | NullPointerException | IllegalArgumentException
                 | UncheckedIOException e) {
            throw new SerializationException("Could not serialize " + schema.getFullName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private int lookUp(String subject, Schema schema) {
        try {
            return registry.client().getId(subject, schema);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("Schema " + schema.getFullName() + " is not registered under subject '"
                        + subject + "' and " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=false: register it first ("
                        + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private Latest latest(String subject) {
        long ttlNanos = TimeUnit.SECONDS.toNanos(config.latestCacheTtlSeconds());
        Latest cached = latestBySubject.get(subject);
        long now = System.nanoTime();
        if (cached != null && (ttlNanos < 0 || now - cached.fetchedAtNanos() < ttlNanos)) {
            return cached;
        }
        SchemaMetadata metadata = registry.client().getLatestSchemaMetadata(subject);
        Latest fresh = new Latest(metadata.id(), registry.client().getSchemaById(metadata.id()), now);
        latestBySubject.put(subject, fresh);
        return fresh;
    }

    @Override
    public void close() {
        registry.close();
    }
}
