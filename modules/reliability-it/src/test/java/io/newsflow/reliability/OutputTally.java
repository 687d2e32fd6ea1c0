/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts committed records on the pipeline's output topics without keeping them, for runs too long to hold
 * every record in memory. One assigned consumer, no group, read_committed; not thread-safe.
 */
final class OutputTally implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> counts = new HashMap<>();

    OutputTally(PipelineRun run) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.config().bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, run.config().maxRecordBytes());
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(run.topics().enriched(), run.topics().duplicates(), run.topics().deadLetter())) {
            counts.put(topic, 0L);
            List<PartitionInfo> infos = await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .until(() -> consumer.partitionsFor(topic), found -> found != null && !found.isEmpty());
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on until the three topics hold at least {@code expected} records together. */
    void awaitTotal(long expected, Duration within) {
        await().atMost(within).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        counts.merge(record.topic(), 1L, Long::sum);
                    }
                    return total() >= expected;
                });
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    long count(String topic) {
        return counts.getOrDefault(topic, 0L);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
