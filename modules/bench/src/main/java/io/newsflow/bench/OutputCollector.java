package io.newsflow.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.DeadLetter;
import io.newsflow.streams.Topics;

/**
 * Reads the pipeline's three output topics as a downstream consumer would (read_committed) and accounts each
 * input article once, by id, with the broker timestamp of its output record. Runs on its own thread.
 */
final class OutputCollector implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputCollector.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final Deserializer<DeadLetter> deadLetters;
    private final int expected;
    private final Map<String, Long> outputTimestamps = new ConcurrentHashMap<>();
    private final Set<String> enrichedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger enriched = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger deadLettered = new AtomicInteger();
    private final AtomicInteger repeated = new AtomicInteger();
    private final CountDownLatch complete = new CountDownLatch(1);
    private volatile long completedAtNanos;

    OutputCollector(String bootstrapServers, int maxRecordBytes, Topics topics, Deserializer<DeadLetter> deadLetters,
            int expected, boolean fromEnd) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxRecordBytes);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.deadLetters = deadLetters;
        this.expected = expected;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.enriched(), topics.duplicates(), topics.deadLetter())) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
        } else {
            consumer.seekToBeginning(partitions);
        }
        // Resolve positions now, so records written after this constructor returns are all seen.
        partitions.forEach(consumer::position);
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    account(record);
                }
                if (outputTimestamps.size() >= expected && complete.getCount() > 0) {
                    completedAtNanos = System.nanoTime();
                    complete.countDown();
                }
            }
        } catch (WakeupException closing) {
            LOG.debug("Output collector stopped with {} of {} records accounted", outputTimestamps.size(), expected);
        } finally {
            consumer.close();
        }
    }

    private void account(ConsumerRecord<String, byte[]> record) {
        String id;
        if (record.topic().equals(topics.enriched())) {
            enriched.incrementAndGet();
            id = record.key();
            enrichedIds.add(String.valueOf(id));
        } else if (record.topic().equals(topics.duplicates())) {
            duplicates.incrementAndGet();
            id = record.key();
        } else {
            deadLettered.incrementAndGet();
            DeadLetter letter = deadLetters.deserialize(record.topic(), record.value());
            id = letter.getArticleId() != null ? letter.getArticleId() : keyText(letter.getKey());
        }
        if (outputTimestamps.putIfAbsent(String.valueOf(id), record.timestamp()) != null) {
            repeated.incrementAndGet();
        }
    }

    private static String keyText(ByteBuffer key) {
        if (key == null) {
            return "?";
        }
        ByteBuffer copy = key.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** @return whether every expected article was accounted within the timeout */
    boolean awaitComplete(Duration timeout) throws InterruptedException {
        return complete.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long completedAtNanos() {
        return completedAtNanos;
    }

    /** Article id to the broker timestamp of its output record. */
    Map<String, Long> outputTimestamps() {
        return Map.copyOf(outputTimestamps);
    }

    /** Ids that came out on the enriched topic. */
    Set<String> enrichedIds() {
        return Set.copyOf(enrichedIds);
    }

    Accounting accounting(Map<String, String> duplicateOf) {
        int undetected = 0;
        for (Map.Entry<String, String> copy : duplicateOf.entrySet()) {
            if (enrichedIds.contains(copy.getKey()) && enrichedIds.contains(copy.getValue())) {
                undetected++;
            }
        }
        return new Accounting(expected, enriched.get(), duplicates.get(), deadLettered.get(), outputTimestamps.size(),
                repeated.get(), duplicateOf.size(), undetected);
    }

    /** Stops the reader; safe from any thread. */
    @Override
    public void close() {
        consumer.wakeup();
    }
}
