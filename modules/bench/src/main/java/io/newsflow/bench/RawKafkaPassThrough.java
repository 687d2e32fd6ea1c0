package io.newsflow.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling Kafka alone sets: the same serialized articles produced to a topic and consumed back by one
 * reader, with no processing in between. Timed from the first send to the last record read.
 */
final class RawKafkaPassThrough {

    private final String bootstrapServers;
    private final int maxRecordBytes;

    RawKafkaPassThrough(String bootstrapServers, int maxRecordBytes) {
        this.bootstrapServers = bootstrapServers;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** @param records key and value bytes of every article; the topic must exist */
    Throughput measure(String topic, List<byte[][]> records, Duration timeout)
            throws InterruptedException, TimeoutException {
        long valueBytes = records.stream().mapToLong(record -> record[1].length).sum();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                     FeedProducer.properties(bootstrapServers, maxRecordBytes), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);

            long started = System.nanoTime();
            // The consumer is not thread-safe: it reads here while another thread sends.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (byte[][] record : records) {
                    producer.send(new ProducerRecord<>(topic, record[0], record[1]));
                }
                producer.flush();
            });
            long deadline = started + timeout.toNanos();
            long read = 0;
            while (read < records.size()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Read " + read + " of " + records.size() + " records within "
                            + timeout);
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                read += batch.count();
            }
            long elapsed = System.nanoTime() - started;
            awaitSent(sending);
            return Throughput.of(read, elapsed, valueBytes);
        }
    }

    private static void awaitSent(CompletableFuture<Void> sending) throws InterruptedException {
        try {
            sending.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Producing the pass-through records failed", e);
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxRecordBytes);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return props;
    }
}
