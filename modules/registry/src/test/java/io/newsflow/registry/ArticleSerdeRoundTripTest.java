/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.serde.SpecificAvroSerde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** newsflow's own serde registers and fetches schemas through this registry over HTTP. */
class ArticleSerdeRoundTripTest {

    private static final String TOPIC = "news.raw";

    private SchemaRegistryServer server;
    private RegistryClient client;

    @BeforeEach
    void start() throws IOException {
        TrustedModelClasses.register();
        server = SchemaRegistryServer.start(RegistryServerConfig.defaults());
        client = new RegistryClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static RawArticle article() {
        return RawArticle.newBuilder()
                .setId("harbour-ferry-2026-11-25")
                .setUrl("https://news.invalid/local/harbour-ferry")
                .setSource("newsflow-test")
                .setTitle("Harbour ferry returns after winter repairs")
                .setBody("The ferry resumes its twice-daily crossing on Monday, the port authority said.")
                .setPublishedAt(Instant.parse("2026-11-25T08:00:00Z"))
                .setHeaders(Map.of("feed", "local"))
                .build();
    }

    @Test
    void aRawArticleSurvivesSerializeAndDeserializeAndItsSchemaIsRegistered() {
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", server.url().toString()), false);
            RawArticle sent = article();

            byte[] bytes = serde.serializer().serialize(TOPIC, sent);
            RawArticle received = serde.deserializer().deserialize(TOPIC, bytes);

            assertThat(received).isEqualTo(sent);
            assertThat(bytes[0]).isZero();
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            assertThat(client.get("/subjects/" + TOPIC + "-value/versions/latest").body().get("id").asInt())
                    .isEqualTo(id);
        }
    }
}
