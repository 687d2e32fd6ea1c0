/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads what a test's topology or producer wrote: every partition of a topic from the beginning, with an
 * assigned consumer and no consumer group, so reading never disturbs the group offsets under test.
 *
 * <p>Reads {@code read_committed} by default, as a downstream consumer of an exactly-once pipeline
 * would. Instances are immutable; the {@code with...} methods return changed copies. The reader does not
 * close the deserializers it is given, so one configured Avro deserializer can serve many reads.
 *
 * <pre>{@code
 * List<ConsumerRecord<String, String>> out = TopicReader.strings(stack.bootstrapServers())
 *         .readUntil("articles-clean", 3);
 * }</pre>
 */
public final class TopicReader<K, V> {

    /** Long enough for a slow shared CI machine, short enough that a broken test fails in reasonable time. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final Duration deadline;
    private final Map<String, Object> consumerConfig;

    private TopicReader(String bootstrapServers, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
                        Duration deadline, Map<String, Object> consumerConfig) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.consumerConfig = Collections.unmodifiableMap(new HashMap<>(consumerConfig));
    }

    /** A reader with the given, already configured, deserializers. */
    public static <K, V> TopicReader<K, V> of(String bootstrapServers, Deserializer<K> keyDeserializer,
                                              Deserializer<V> valueDeserializer) {
        return new TopicReader<>(bootstrapServers, keyDeserializer, valueDeserializer, DEFAULT_DEADLINE,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    public static TopicReader<String, String> strings(String bootstrapServers) {
        return of(bootstrapServers, new StringDeserializer(), new StringDeserializer());
    }

    public static TopicReader<byte[], byte[]> bytes(String bootstrapServers) {
        return of(bootstrapServers, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Also returns records of aborted and still-open transactions. */
    public TopicReader<K, V> readUncommitted() {
        return withConsumerConfig(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    }

    /** How long {@link #readUntil} and {@link #readToEnd} may take before failing the test. */
    public TopicReader<K, V> withDeadline(Duration newDeadline) {
        return new TopicReader<>(bootstrapServers, keyDeserializer, valueDeserializer, newDeadline, consumerConfig);
    }

    /** Sets one consumer property, for example {@code max.poll.records}. */
    public TopicReader<K, V> withConsumerConfig(String key, Object value) {
        Map<String, Object> changed = new HashMap<>(consumerConfig);
        changed.put(key, value);
        return new TopicReader<>(bootstrapServers, keyDeserializer, valueDeserializer, deadline, changed);
    }

    /**
     * Reads every partition from the beginning up to its end offset as of this call (for read_committed,
     * the last stable offset). Records of one partition keep their order.
     *
     * @throws AssertionError if the end is not reached before the deadline
     */
    public List<ConsumerRecord<K, V>> readToEnd(String topic) {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<K, V> consumer = newConsumer()) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, giveUpAt);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, deadline);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (!reachedEnd(consumer, endOffsets)) {
                if (System.nanoTime() > giveUpAt) {
                    throw new AssertionError("Did not reach the end " + endOffsets + " of topic " + topic
                            + " within " + deadline + "; read " + records.size() + " records");
                }
                consumer.poll(POLL_INTERVAL).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Reads from the beginning until at least {@code count} records have arrived, waiting for producers
     * that are still writing. Returns exactly the first {@code count} records in the order received.
     *
     * @throws AssertionError if fewer than {@code count} records arrive before the deadline
     */
    public List<ConsumerRecord<K, V>> readUntil(String topic, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<K, V> consumer = newConsumer()) {
            assignFromBeginning(consumer, topic, giveUpAt);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (records.size() < count) {
                if (System.nanoTime() > giveUpAt) {
                    throw new AssertionError("Expected " + count + " records on topic " + topic + " within "
                            + deadline + " but read " + records.size());
                }
                consumer.poll(POLL_INTERVAL).forEach(records::add);
            }
            return List.copyOf(records.subList(0, count));
        }
    }

    /** Values only, from {@link #readUntil}. */
    public List<V> readValuesUntil(String topic, int count) {
        return readUntil(topic, count).stream().map(ConsumerRecord::value).toList();
    }

    private KafkaConsumer<K, V> newConsumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new Unowned<>(keyDeserializer), new Unowned<>(valueDeserializer));
    }

    /** Waits for the topic to exist, since a topology under test may create it a moment later. */
    private List<TopicPartition> assignFromBeginning(KafkaConsumer<K, V> consumer, String topic, long giveUpAt) {
        List<PartitionInfo> infos;
        try {
            infos = await().atMost(Duration.ofNanos(Math.max(giveUpAt - System.nanoTime(), 1)))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .until(() -> consumer.partitionsFor(topic, deadline), found -> found != null && !found.isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Topic " + topic + " did not appear within " + deadline, e);
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Keeps the consumer from closing a deserializer the caller still owns. */
    private record Unowned<T>(Deserializer<T> delegate) implements Deserializer<T> {

        @Override
        public T deserialize(String topic, byte[] data) {
            return delegate.deserialize(topic, data);
        }

        @Override
        public T deserialize(String topic, Headers headers, byte[] data) {
            return delegate.deserialize(topic, headers, data);
        }

        @Override
        public T deserialize(String topic, Headers headers, ByteBuffer data) {
            return delegate.deserialize(topic, headers, data);
        }

        @Override
        public void close() {
            // The caller owns the delegate and closes it.
        }
    }
}
