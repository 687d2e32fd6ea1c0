package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.serde.SpecificAvroSerde;

/** What the loader sends survives newsflow's Avro serde (registry mocked in memory), non-ASCII text included. */
class AvroSinkRoundTripTest {

    @Test
    void loadedArticlesRoundTripThroughTheAvroSerde() throws IOException {
        TrustedModelClasses.register();
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", "mock://ingest-round-trip", "specific.avro.reader", true), false);
            MockProducer<String, RawArticle> producer = new MockProducer<>(true, null, new StringSerializer(), serde.serializer());
            String lines = "{\"id\":\"z-1\",\"title\":\"Zürich: Straßenbahn fährt wieder\",\"body\":\"Die Linie 4 fährt – ab heute.\","
                    + "\"publishedAt\":\"2026-02-27T08:30:00Z\",\"language\":\"de\",\"headers\":{\"desk\":\"Städte\"}}\n";

            try (KafkaArticleSink sink = new KafkaArticleSink(producer, "news.raw")) {
                new ArticleLoader(sink, RejectSink.discarding(), ProduceOptions.defaults().withProgress(false))
                        .load("-", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
            }

            ProducerRecord<String, RawArticle> sent = producer.history().get(0);
            byte[] wire = serde.serializer().serialize("news.raw", sent.value());
            assertThat(wire[0]).isZero(); // Confluent framing: magic byte, then the schema id
            RawArticle back = serde.deserializer().deserialize("news.raw", wire);
            assertThat(back.getId()).isEqualTo("z-1");
            assertThat(back.getTitle()).isEqualTo("Zürich: Straßenbahn fährt wieder");
            assertThat(back.getBody()).isEqualTo("Die Linie 4 fährt – ab heute.");
            assertThat(back.getPublishedAt()).isEqualTo(Instant.parse("2026-02-27T08:30:00Z"));
            assertThat(back.getHeaders()).containsEntry("desk", "Städte");
            assertThat(back.getFetchedAt()).isNotNull();
        }
    }
}
