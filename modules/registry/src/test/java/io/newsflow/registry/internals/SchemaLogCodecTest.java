/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.SchemaLogRecord.CompatibilityConfig;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersionPurged;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change survives the trip through the schema log's JSON keys and values. */
class SchemaLogCodecTest {

    private static final String BYLINE = "{\"type\":\"record\",\"name\":\"Byline\",\"fields\":[{\"name\":\"author\",\"type\":\"string\"}]}";

    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final ObjectMapper json = new ObjectMapper();

    private SchemaLogRecord roundTrip(SchemaLogRecord record) throws IOException {
        SchemaLogCodec.Encoded encoded = codec.encode(record);
        return codec.decode(encoded.key(), encoded.value()).orElseThrow();
    }

    @Test
    void schemaVersionsRoundTripWithAConfluentStyleKey() throws IOException {
        SchemaVersion version = new SchemaVersion("news.raw-value", 3, 7, BYLINE, true);

        JsonNode key = json.readTree(codec.encode(version).key());

        assertThat(roundTrip(version)).isEqualTo(version);
        assertThat(key.get("keytype").asText()).isEqualTo("SCHEMA");
        assertThat(key.get("subject").asText()).isEqualTo("news.raw-value");
        assertThat(key.get("version").asInt()).isEqualTo(3);
    }

    @Test
    void aPurgeIsATombstoneOnTheVersionsKey() throws IOException {
        SchemaVersionPurged purge = new SchemaVersionPurged("news.raw-value", 3, 7);
        SchemaLogCodec.Encoded encoded = codec.encode(purge);

        assertThat(encoded.value()).isNull();
        assertThat(encoded.key()).isEqualTo(codec.encode(new SchemaVersion("news.raw-value", 3, 7, BYLINE, false)).key());
        assertThat(roundTrip(purge)).isEqualTo(purge);
    }

    @Test
    void configChangesRoundTripIncludingTheGlobalOneAndResets() throws IOException {
        CompatibilityConfig global = new CompatibilityConfig(null, CompatibilityLevel.FULL_TRANSITIVE);
        CompatibilityConfig reset = new CompatibilityConfig("news.raw-value", null);

        assertThat(roundTrip(global)).isEqualTo(global);
        assertThat(roundTrip(reset)).isEqualTo(reset);
        assertThat(codec.encode(reset).value()).isNull();
    }

    @Test
    void otherKeyTypesAreSkipped() throws IOException {
        byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(noop, null)).isEmpty();
    }
}
