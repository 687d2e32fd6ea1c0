/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.streams.Topics;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.testkit.TopicReader;

/**
 * What the pipeline made visible on its three output topics, read_committed as a downstream consumer reads
 * them, and the exactly-once check every fault test ends with.
 */
record PipelineOutputs(List<EnrichedArticle> enriched, List<DuplicateArticle> duplicates, List<DeadLetter> deadLetters) {

    /** Reads the outputs until they hold at least {@code expected} records in total, or fails after {@code within}. */
    static PipelineOutputs awaitAtLeast(PipelineRun run, int expected, Duration within) {
        AtomicReference<PipelineOutputs> last = new AtomicReference<>();
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO)
                .until(() -> {
                    last.set(read(run));
                    return last.get().total() >= expected;
                });
        return last.get();
    }

    static PipelineOutputs read(PipelineRun run) {
        ValueSerdes serdes = new ValueSerdes(run.config());
        Topics topics = run.topics();
        String bootstrap = run.config().bootstrapServers();
        Duration deadline = Duration.ofSeconds(60);
        List<EnrichedArticle> enriched = values(TopicReader.of(bootstrap, new StringDeserializer(),
                serdes.forValues(EnrichedArticle.class).deserializer()).withDeadline(deadline).readToEnd(topics.enriched()));
        List<DuplicateArticle> duplicates = values(TopicReader.of(bootstrap, new StringDeserializer(),
                serdes.forValues(DuplicateArticle.class).deserializer()).withDeadline(deadline).readToEnd(topics.duplicates()));
        List<DeadLetter> deadLetters = values(TopicReader.of(bootstrap, new StringDeserializer(),
                serdes.forValues(DeadLetter.class).deserializer()).withDeadline(deadline).readToEnd(topics.deadLetter()));
        return new PipelineOutputs(enriched, duplicates, deadLetters);
    }

    int total() {
        return enriched.size() + duplicates.size() + deadLetters.size();
    }

    List<String> enrichedIds() {
        return enriched.stream().map(EnrichedArticle::getId).toList();
    }

    /** Copy id to the id the pipeline named as its original. */
    Map<String, String> duplicateOf() {
        return duplicates.stream().collect(Collectors.toMap(DuplicateArticle::getId, DuplicateArticle::getDuplicateOf,
                (first, second) -> first + "|" + second));
    }

    /** Every original enriched once, every copy reported once against its original, nothing dead-lettered. */
    void assertExactlyOnce(ArticleFeed feed) {
        assertThat(deadLetters).as("dead letters: %s", deadLetterReasons()).isEmpty();
        assertThat(enrichedIds()).as("enriched ids").hasSize(feed.uniqueIds().size())
                .containsExactlyInAnyOrderElementsOf(feed.uniqueIds());
        assertThat(duplicates).as("duplicates").hasSize(feed.copies().size());
        assertThat(duplicateOf()).as("copy -> original").isEqualTo(feed.copies());
    }

    List<String> deadLetterReasons() {
        return deadLetters.stream().map(letter -> keyOf(letter) + ": " + letter.getStage() + ": " + letter.getErrorMessage())
                .toList();
    }

    /** Dead letters keep the original key bytes; the tests key records by article id. */
    static String keyOf(DeadLetter letter) {
        return letter.getKey() == null ? null : new String(bytes(letter.getKey()), StandardCharsets.UTF_8);
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
