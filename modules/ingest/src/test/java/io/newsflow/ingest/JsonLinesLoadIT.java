package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.testkit.NewsflowStack;

/** A bulk JSON Lines load into a real broker and schema registry: every good line arrives once, bad lines are counted. */
class JsonLinesLoadIT {

    private static final int ARTICLES = 5_000;
    private static final int BAD_EVERY = 97;
    private static final String TOPIC = "news.raw";

    private static NewsflowStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStack() {
        TrustedModelClasses.register();
        stack = NewsflowStack.start();
        stack.createTopics(3, TOPIC);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyGoodLineArrivesOnceAndBadLinesAreCounted() throws Exception {
        Path input = dir.resolve("articles.jsonl");
        SyntheticArticles.Written written = SyntheticArticles.write(input, ARTICLES, BAD_EVERY, 1_500);
        Map<String, Object> serdeConfig = new HashMap<>(stack.serdeConfig());
        serdeConfig.put("specific.avro.reader", true);

        LoadSummary summary;
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(serdeConfig, false);
            Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            try (KafkaArticleSink sink = new KafkaArticleSink(producer, TOPIC, serde.serializer());
                 RejectsFile rejects = RejectsFile.forLoad(ProduceOptions.defaults(), input)) {
                summary = new ArticleLoader(sink, rejects, ProduceOptions.defaults().withProgress(false)).load(List.of(input));
                assertThat(sink.acknowledged()).isEqualTo(written.good());
                assertThat(rejects.written()).isEqualTo(written.bad());
            }

            List<ConsumerRecord<String, RawArticle>> records = stack.reader(new StringDeserializer(), serde.deserializer())
                    .withDeadline(Duration.ofSeconds(60))
                    .readToEnd(TOPIC);

            assertThat(summary.read()).isEqualTo(ARTICLES);
            assertThat(summary.sent()).isEqualTo(written.good());
            assertThat(summary.rejected()).containsOnly(Map.entry(RejectReason.INVALID_JSON, written.bad()));
            assertThat(summary.exitCode()).isEqualTo(LoadSummary.EXIT_REJECTED);
            assertThat(records).hasSize((int) written.good());
            Set<String> expectedIds = LongStream.rangeClosed(1, ARTICLES).filter(i -> i % BAD_EVERY != 0)
                    .mapToObj(i -> "gen-" + i).collect(Collectors.toSet());
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(expectedIds);
            assertThat(records).allSatisfy(r -> {
                assertThat(r.value().getId()).isEqualTo(r.key());
                assertThat(new String(r.headers().lastHeader(IngestHeaders.INGEST_FILE).value(), StandardCharsets.UTF_8))
                        .isEqualTo(input.toString());
                assertThat(new String(r.headers().lastHeader(IngestHeaders.SOURCE).value(), StandardCharsets.UTF_8))
                        .isEqualTo("Synthetic Times");
            });
        }
        assertThat(RejectsFile.besideInput(input)).exists();
    }
}
