/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newsflow.model.RawArticle;
import io.newsflow.streams.ValueSerdes;

/**
 * Feeds news.raw and remembers what it sent, so a test can say exactly which ids must come out enriched and
 * which as duplicates. Dedup picks the original by record timestamp, so a copy is sent only after its original
 * was flushed, stamped at least {@value #COPY_GAP_MS} ms later.
 *
 * <p>That alone is not enough when the pipeline works through a backlog: a copy on one partition can reach the
 * dedup index before its original from another partition, and both then pass as unique (BrokerRestartIT
 * showed 4 of 10 such copies enriched). Tests therefore copy only articles the pipeline has already written
 * out, which makes the expected duplicate set exact while still crossing the fault under test.
 */
final class ArticleFeed implements AutoCloseable {

    static final long COPY_GAP_MS = 5;

    private final String topic;
    private final String prefix;
    private final KafkaProducer<String, RawArticle> producer;
    private final Map<Integer, Long> originalTimestamps = new LinkedHashMap<>();
    private final List<String> uniqueIds = new ArrayList<>();
    private final Map<String, String> copies = new LinkedHashMap<>();

    ArticleFeed(PipelineRun run, String prefix) {
        this.topic = run.topics().raw();
        this.prefix = prefix;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.config().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Serializer<RawArticle> values = new ValueSerdes(run.config()).forValues(RawArticle.class).serializer();
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
    }

    /** Sends article {@code n}, keyed by its id. */
    void original(int n) {
        RawArticle article = NewsStories.original(prefix, n);
        long timestamp = System.currentTimeMillis();
        producer.send(new ProducerRecord<>(topic, null, timestamp, article.getId(), article));
        originalTimestamps.put(n, timestamp);
        uniqueIds.add(article.getId());
    }

    /** Sends a copy of the already sent article {@code n}: a tracked URL or a syndicated body, alternately. */
    void copyOf(int n) {
        Long originalAt = originalTimestamps.get(n);
        if (originalAt == null) {
            throw new IllegalArgumentException("Article " + n + " was not sent yet");
        }
        RawArticle tracked = NewsStories.trackedCopy(prefix, n);
        RawArticle syndicated = NewsStories.syndicatedCopy(prefix, n);
        if (copies.containsKey(tracked.getId()) && copies.containsKey(syndicated.getId())) {
            throw new IllegalArgumentException("Article " + n + " already has both kinds of copy");
        }
        boolean trackedFirst = copies.size() % 2 == 0;
        RawArticle copy = copies.containsKey(tracked.getId()) ? syndicated
                : copies.containsKey(syndicated.getId()) || trackedFirst ? tracked : syndicated;
        // The original must be on the broker, and older, before its copy exists.
        producer.flush();
        long timestamp = Math.max(System.currentTimeMillis(), originalAt + COPY_GAP_MS);
        producer.send(new ProducerRecord<>(topic, null, timestamp, copy.getId(), copy));
        copies.put(copy.getId(), prefix + "-" + n);
    }

    boolean hasCopies(int n) {
        return copies.containsKey(NewsStories.trackedCopy(prefix, n).getId())
                && copies.containsKey(NewsStories.syndicatedCopy(prefix, n).getId());
    }

    void flush() {
        producer.flush();
    }

    int sent() {
        return uniqueIds.size() + copies.size();
    }

    List<String> uniqueIds() {
        return Collections.unmodifiableList(uniqueIds);
    }

    /** Copy id to the id of the article it copies. */
    Map<String, String> copies() {
        return Collections.unmodifiableMap(copies);
    }

    @Override
    public void close() {
        producer.close();
    }
}
