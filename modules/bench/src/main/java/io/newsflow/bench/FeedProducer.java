package io.newsflow.bench;

import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer settings shared by the raw Kafka pass and the pipeline pass, so both put the same records on the
 * wire the same way: batched like a busy feed ingester (see KAFKA-FACTS: 256 KB batches, 5 ms linger).
 */
final class FeedProducer {

    private FeedProducer() {
    }

    static Properties properties(String bootstrapServers, int maxRecordBytes) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes);
        return props;
    }
}
