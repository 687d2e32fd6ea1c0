/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.RawArticle;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.GenericAvroSerializer;
import io.newsflow.serde.RecordNameStrategy;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.testkit.NewsflowStackExtension;

/**
 * Hostile input on news.raw: every record the pipeline cannot read or use ends in the dead-letter topic with
 * its bytes and a reason, records that are merely unusual (no key, a 100 KB header) still go through, and the
 * instance keeps running and enriches the next good article.
 */
@Timeout(180)
class BadInputIT {

    private static final Schema WEATHER = SchemaBuilder.record("WeatherReading").namespace("io.newsflow.reliability")
            .fields().requiredString("station").requiredDouble("celsius").endRecord();
    private static final byte[] NOT_AVRO = "<rss><channel><title>not Avro</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEYLESS_GARBAGE = "no key and no schema".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNKNOWN_SCHEMA_ID = {0, 0x7f, (byte) 0xff, (byte) 0xfe, 0x01, 2, 'x'};
    private static final String HUGE_HEADER = "trace-context";

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @TempDir
    Path stateDir;

    @Test
    void everyUnreadableRecordIsDeadLetteredWithItsReasonAndTheNextGoodArticleIsEnriched() {
        PipelineRun run = PipelineRun.of("bad-input", STACK.bootstrapServers(), STACK.schemaRegistryUrl());
        String topic = run.topics().raw();
        byte[] hugeHeader = "x".repeat(100 * 1024).getBytes(StandardCharsets.UTF_8);
        try (NewsflowStreamsApp app = run.startInstance(stateDir);
             KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(producerProperties(run), new StringSerializer(),
                     new ByteArraySerializer());
             KafkaProducer<String, GenericRecord> otherSchema = otherSchemaProducer(run);
             KafkaProducer<String, RawArticle> articles = new KafkaProducer<>(producerProperties(run),
                     new StringSerializer(), new ValueSerdes(run.config()).forValues(RawArticle.class).serializer())) {
            PipelineRun.awaitRunning(app);

            bytes.send(new ProducerRecord<>(topic, "tombstone", null));
            bytes.send(new ProducerRecord<>(topic, "not-avro", NOT_AVRO));
            bytes.send(new ProducerRecord<>(topic, "unknown-schema-id", UNKNOWN_SCHEMA_ID));
            bytes.send(new ProducerRecord<>(topic, null, KEYLESS_GARBAGE));
            GenericRecord reading = new GenericData.Record(WEATHER);
            reading.put("station", "Quenby pier");
            reading.put("celsius", 11.5);
            otherSchema.send(new ProducerRecord<>(topic, "weather", reading));
            ProducerRecord<String, RawArticle> emptyBody = new ProducerRecord<>(topic, "empty-body-huge-header",
                    NewsStories.article("empty-body-huge-header", null, "Nothing", "   "));
            emptyBody.headers().add(new RecordHeader(HUGE_HEADER, hugeHeader));
            articles.send(emptyBody);
            // Unusual but valid: the id is in the value, and headers are metadata.
            ProducerRecord<String, RawArticle> keyless = new ProducerRecord<>(topic, null,
                    NewsStories.original("keyless", 1));
            keyless.headers().add(new RecordHeader(HUGE_HEADER, hugeHeader));
            articles.send(keyless);
            bytes.flush();
            otherSchema.flush();
            articles.flush();
            PipelineOutputs.awaitAtLeast(run, 7, Duration.ofSeconds(60));

            articles.send(new ProducerRecord<>(topic, "after", NewsStories.original("after", 2)));
            articles.flush();
            PipelineOutputs outputs = PipelineOutputs.awaitAtLeast(run, 8, Duration.ofSeconds(60));

            assertThat(outputs.enrichedIds()).containsExactlyInAnyOrder("keyless-1", "after-2");
            assertThat(outputs.duplicates()).isEmpty();
            assertThat(outputs.deadLetters()).hasSize(6)
                    .allSatisfy(letter -> assertThat(letter.getErrorMessage()).isNotBlank());
            Map<String, DeadLetter> byKey = new HashMap<>();
            outputs.deadLetters().forEach(letter -> byKey.put(String.valueOf(PipelineOutputs.keyOf(letter)), letter));
            assertThat(byKey).containsOnlyKeys("tombstone", "not-avro", "unknown-schema-id", "null", "weather",
                    "empty-body-huge-header");

            assertThat(byKey.get("tombstone").getValue()).isNull();
            assertThat(byKey.get("tombstone").getStage()).isEqualTo("validate");
            assertThat(byKey.get("tombstone").getErrorMessage()).contains("no value");

            assertThat(PipelineOutputs.bytes(byKey.get("not-avro").getValue())).isEqualTo(NOT_AVRO);
            assertThat(byKey.get("not-avro").getStage()).isEqualTo("deserialize");

            assertThat(byKey.get("unknown-schema-id").getStage()).isEqualTo("deserialize");
            assertThat(byKey.get("unknown-schema-id").getErrorMessage()).containsIgnoringCase("schema id");

            assertThat(PipelineOutputs.bytes(byKey.get("null").getValue())).isEqualTo(KEYLESS_GARBAGE);
            assertThat(byKey.get("null").getStage()).isEqualTo("deserialize");

            assertThat(byKey.get("weather").getStage()).isEqualTo("deserialize");
            assertThat(byKey.get("weather").getErrorMessage()).containsIgnoringCase("WeatherReading");

            DeadLetter emptyLetter = byKey.get("empty-body-huge-header");
            assertThat(emptyLetter.getStage()).isEqualTo("validate");
            assertThat(emptyLetter.getErrorMessage()).contains("empty body");
            assertThat(emptyLetter.getHeaders()).containsKey(HUGE_HEADER);
            assertThat(emptyLetter.getHeaders().get(HUGE_HEADER).length())
                    .as("a dead letter does not carry a 100 KB header whole").isLessThan(hugeHeader.length);

            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(app.fatalError()).isNull();
        }
    }

    private static Properties producerProperties(PipelineRun run) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.config().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /** Registers WeatherReading under its own subject: news.raw's subject would refuse an incompatible schema. */
    private static KafkaProducer<String, GenericRecord> otherSchemaProducer(PipelineRun run) {
        GenericAvroSerializer values = new GenericAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, run.config().schemaRegistryUrl(),
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class.getName()), false);
        return new KafkaProducer<>(producerProperties(run), new StringSerializer(), values);
    }
}
