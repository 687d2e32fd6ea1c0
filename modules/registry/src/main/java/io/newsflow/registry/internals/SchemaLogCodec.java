/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.SchemaLogRecord.CompatibilityConfig;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersionPurged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON keys and values of the schema log topic, modelled on Confluent's {@code _schemas} records.
 *
 * <p>Schema keys also carry the id, unlike Confluent's, so that two instances racing for the same subject
 * version write different keys: compaction then keeps both and every reader still sees which came first.
 * A purge is a tombstone (null value) for the version's key; a config reset is a tombstone for its key.
 */
final class SchemaLogCodec {

    static final String SCHEMA_KEY = "SCHEMA";
    static final String CONFIG_KEY = "CONFIG";

    private final ObjectMapper json = new ObjectMapper();

    /** Key and value of a change; the value is null for tombstones. */
    record Encoded(byte[] key, byte[] value) {
    }

    Encoded encode(SchemaLogRecord record) {
        if (record instanceof SchemaVersion version) {
            ObjectNode value = json.createObjectNode()
                    .put("subject", version.subject())
                    .put("version", version.version())
                    .put("id", version.id())
                    .put("schemaType", "AVRO")
                    .put("schema", version.schema())
                    .put("deleted", version.deleted());
            return new Encoded(bytes(schemaKey(version.subject(), version.version(), version.id())), bytes(value));
        } else if (record instanceof SchemaVersionPurged purged) {
            return new Encoded(bytes(schemaKey(purged.subject(), purged.version(), purged.id())), null);
        } else if (record instanceof CompatibilityConfig config) {
            ObjectNode key = json.createObjectNode().put("keytype", CONFIG_KEY).put("subject", config.subject())
                    .put("magic", 0);
            byte[] value = config.level() == null ? null
                    : bytes(json.createObjectNode().put("compatibilityLevel", config.level().name()));
            return new Encoded(bytes(key), value);
        }
        throw new IllegalArgumentException("Unknown record " + record);
    }

    /**
     * Reads one log entry back. Entries of other kinds (Confluent writes NOOP and MODE keys too) come back
     * empty; malformed ones throw so the caller can log them.
     */
    Optional<SchemaLogRecord> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
        JsonNode key = json.readTree(keyBytes);
        String keyType = key.path("keytype").asText();
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        if (SCHEMA_KEY.equals(keyType)) {
            int version = key.path("version").asInt();
            if (valueBytes == null) {
                if (!key.has("id")) {
                    return Optional.empty();
                }
                return Optional.of(new SchemaVersionPurged(subject, version, key.get("id").asInt()));
            }
            JsonNode value = json.readTree(valueBytes);
            return Optional.of(new SchemaVersion(value.path("subject").asText(), value.path("version").asInt(),
                    value.path("id").asInt(), value.path("schema").asText(), value.path("deleted").asBoolean()));
        }
        if (CONFIG_KEY.equals(keyType)) {
            if (valueBytes == null) {
                return Optional.of(new CompatibilityConfig(subject, null));
            }
            String level = json.readTree(valueBytes).path("compatibilityLevel").asText();
            return Optional.of(new CompatibilityConfig(subject, CompatibilityLevel.parse(level)
                    .orElseThrow(() -> new IOException("Unknown compatibility level '" + level + "'"))));
        }
        return Optional.empty();
    }

    private ObjectNode schemaKey(String subject, int version, int id) {
        return json.createObjectNode().put("keytype", SCHEMA_KEY).put("subject", subject).put("version", version)
                .put("id", id).put("magic", 1);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
