package io.newsflow.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.Topics;

/**
 * Reads what newsflow wrote to its three output topics (read_committed, from the beginning), keeping up as more
 * arrives: the demo polls it until every input record is accounted for.
 */
final class OutputTopics implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final Topics topics;
    final List<EnrichedArticle> enriched = new ArrayList<>();
    final List<DuplicateArticle> duplicates = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

    OutputTopics(NewsflowConfig config) {
        io.newsflow.model.TrustedModelClasses.register();
        this.topics = config.topics();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-output-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> serde = new HashMap<>(config.serdeConfig());
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(serde, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        consumer.subscribe(List.of(topics.enriched(), topics.duplicates(), topics.deadLetter()));
    }

    /** Reads what arrived within {@code wait}; returns how many records that was. */
    int poll(Duration wait) {
        int read = 0;
        for (ConsumerRecord<String, Object> record : consumer.poll(wait)) {
            read++;
            if (record.topic().equals(topics.enriched())) {
                enriched.add((EnrichedArticle) record.value());
            } else if (record.topic().equals(topics.duplicates())) {
                duplicates.add((DuplicateArticle) record.value());
            } else {
                deadLetters.add((DeadLetter) record.value());
            }
        }
        return read;
    }

    int total() {
        return enriched.size() + duplicates.size() + deadLetters.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
