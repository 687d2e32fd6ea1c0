package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;

class KafkaArticleSinkTest {

    private static final Serializer<RawArticle> BODY_ONLY = (topic, article) -> article.getBody().getBytes(StandardCharsets.UTF_8);

    private static RawArticle article(String id) {
        return RawArticle.newBuilder().setId(id).setBody("Body of " + id).setHeaders(new HashMap<>()).build();
    }

    @Test
    void keysByIdAndCarriesHeaders() {
        MockProducer<String, RawArticle> producer = new MockProducer<>(true, null, new StringSerializer(),
                (topic, a) -> new byte[0]);
        try (KafkaArticleSink sink = new KafkaArticleSink(producer, "news.raw")) {
            sink.accept(article("a-1"), Map.of(IngestHeaders.SOURCE, "Harbour Gazette", IngestHeaders.INGEST_FILE, "in.jsonl"));
            sink.flush();
            assertThat(sink.acknowledged()).isEqualTo(1);
        }
        ProducerRecord<String, RawArticle> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("news.raw");
        assertThat(sent.key()).isEqualTo("a-1");
        assertThat(sent.value().getBody()).isEqualTo("Body of a-1");
        assertThat(new String(sent.headers().lastHeader(IngestHeaders.SOURCE).value(), StandardCharsets.UTF_8))
                .isEqualTo("Harbour Gazette");
        assertThat(new String(sent.headers().lastHeader(IngestHeaders.INGEST_FILE).value(), StandardCharsets.UTF_8))
                .isEqualTo("in.jsonl");
    }

    @Test
    void flushReportsFailedSends() {
        MockProducer<String, RawArticle> producer = new MockProducer<>(false, null, new StringSerializer(), BODY_ONLY);
        KafkaArticleSink sink = new KafkaArticleSink(producer, "news.raw");
        sink.accept(article("ok"), Map.of());
        sink.accept(article("bad"), Map.of());
        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("too big"));

        assertThatThrownBy(sink::flush).isInstanceOf(IngestException.class).hasMessageContaining("1 article(s)");
        assertThat(sink.acknowledged()).isEqualTo(1);
        assertThat(sink.failed()).isEqualTo(1);
    }

    @Test
    void defaultsAreIdempotentCompressedAndBatched() {
        Map<String, Object> config = KafkaArticleSink.withDefaults(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20));
        assertThat(config).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20);
    }
}
