/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HexFormat;
import java.util.Map;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;

/** Bytes that are not a valid payload fail with a SerializationException that says what is wrong. */
class BadPayloadTest {

    private static final String SCOPE = "bad-payload-test";
    private static final HexFormat HEX = HexFormat.of();

    private KafkaAvroDeserializer deserializer;
    private int rawArticleId;

    @BeforeAll
    static void trustModel() {
        TrustedModelClasses.register();
    }

    @BeforeEach
    void registerRawArticle() {
        rawArticleId = MockSchemaRegistry.getClientForScope(SCOPE).register("news.raw-value", RawArticle.getClassSchema());
        deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + SCOPE,
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true"), false);
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void wrongMagicByte() {
        assertThatThrownBy(() -> deserializer.deserialize("news.raw", HEX.parseHex("07000000010461")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 7 (expected 0)");
    }

    @Test
    void unknownSchemaId() {
        byte[] bytes = HEX.parseHex("00" + String.format("%08x", 99_999) + "0461");
        assertThatThrownBy(() -> deserializer.deserialize("news.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown schema id 99999")
                .hasCauseInstanceOf(RegistryException.class);
    }

    @Test
    void payloadShorterThanTheHeader() {
        assertThatThrownBy(() -> deserializer.deserialize("news.raw", HEX.parseHex("000000")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Payload truncated: 3 bytes, need at least 5");
    }

    @Test
    void avroBodyThatDoesNotDecode() {
        // id string length as a varint that never ends: 0xff continuation bytes run past the body.
        byte[] bytes = HEX.parseHex("00" + String.format("%08x", rawArticleId) + "ffffffffffff");
        assertThatThrownBy(() -> deserializer.deserialize("news.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Avro payload could not be read with schema id " + rawArticleId + ": ");
    }

    @Test
    void avroBodyCutShort() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(MockSchemaRegistry.getClientForScope(SCOPE));
        byte[] whole = serializer.serialize("news.raw", SampleArticles.harbourArticle());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 10);

        assertThatThrownBy(() -> deserializer.deserialize("news.raw", cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Avro payload could not be read with schema id " + rawArticleId + ": ");
    }

    @Test
    void bytesLeftOverAfterTheRecord() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(MockSchemaRegistry.getClientForScope(SCOPE));
        byte[] whole = serializer.serialize("news.raw", SampleArticles.harbourArticle());
        byte[] padded = java.util.Arrays.copyOf(whole, whole.length + 2);

        assertThatThrownBy(() -> deserializer.deserialize("news.raw", padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + rawArticleId)
                .hasMessageContaining("left over");
    }

    @Test
    void untrustedClassIsNamedInTheError() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(MockSchemaRegistry.getClientForScope(SCOPE));
        byte[] bytes = serializer.serialize("news.bulletins", new UntrustedBulletin("Storm warning"));

        assertThatThrownBy(() -> deserializer.deserialize("news.bulletins", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Avro refused to instantiate")
                .hasMessageContaining("io.newsflow.serde.UntrustedBulletin")
                .hasCauseInstanceOf(SecurityException.class);
    }

    @Test
    void unreachableRegistryIsARetriableCause() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + deadPort;
        KafkaAvroDeserializer offline = new KafkaAvroDeserializer();
        offline.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, url,
                AvroSerdeConfig.MAX_RETRIES_CONFIG, "1", AvroSerdeConfig.RETRIES_WAIT_MS_CONFIG, "1"), false);

        assertThatThrownBy(() -> offline.deserialize("news.raw", HEX.parseHex("00000000010461")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("retriable")
                .cause()
                .isInstanceOf(RegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining(url);
    }
}
