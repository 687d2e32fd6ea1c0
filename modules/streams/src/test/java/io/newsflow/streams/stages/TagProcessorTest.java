package io.newsflow.streams.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.model.EntityType;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.internals.InternalSerdes;
import io.newsflow.streams.stages.TagProcessor.TaggingFailure;

/**
 * The tag stage with its tagger on threads of its own: what waits for the tagger is in the queue store until its
 * record is emitted, order is kept, a restarted task tags what its store holds, failures become
 * {@link TaggingFailure}s, and a full queue makes the stream thread wait.
 */
class TagProcessorTest {

    /** Tags the article's title as one organisation, once the test opens the article's gate (if it has one). */
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final EntityTagging gatedTagger = (title, body) -> {
        CountDownLatch gate = gates.get(title);
        if (gate != null) {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate of " + title + " never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (title.startsWith("bad")) {
            throw new IllegalArgumentException("cannot tag " + title);
        }
        return List.of(Entity.newBuilder().setText(title).setType(EntityType.ORG).setStart(0).setEnd(title.length())
                .setCanonical(title).setCount(1).build());
    };

    private final List<TaggingPool> pools = new ArrayList<>();
    private MockProcessorContext<String, Object> context;
    private TimestampedKeyValueStore<String, EnrichedArticle> queue;

    @BeforeEach
    void store() {
        context = new MockProcessorContext<>();
        queue = Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(TagProcessor.QUEUE_STORE),
                Serdes.String(), InternalSerdes.draft()).withLoggingDisabled().build();
        queue.init(context.getStateStoreContext(), queue);
        context.addStateStore(queue);
    }

    @AfterEach
    void closePools() {
        gates.values().forEach(CountDownLatch::countDown);
        pools.forEach(TaggingPool::close);
    }

    @Test
    void onTheStreamThreadAnArticleIsEmittedAtOnceAndNeverStored() {
        TagProcessor processor = processor(TaggingPool.inline(gatedTagger));

        processor.process(new Record<>("a-1", article("Acme"), 1_000L));

        assertThat(emitted()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a-1");
            assertThat(record.timestamp()).isEqualTo(1_000L);
            assertThat(((EnrichedArticle) record.value()).getEntities()).extracting(Entity::getText)
                    .containsExactly("Acme");
        });
        assertThat(queued()).isEmpty();
    }

    @Test
    void anArticleWaitsInTheQueueStoreUntilTaggedAndArticlesLeaveInTheOrderTheyCame() throws Exception {
        TagProcessor processor = processor(pool(1));
        gates.put("Slow", new CountDownLatch(1));

        processor.process(new Record<>("a-1", article("Slow"), 1_000L));
        processor.process(new Record<>("a-2", article("Fast"), 2_000L));

        assertThat(emitted()).isEmpty();
        assertThat(queued()).containsOnlyKeys("a-1", "a-2");

        gates.get("Slow").countDown();
        punctuateUntilEmitted(2);

        assertThat(emitted()).extracting(Record::key).containsExactly("a-1", "a-2");
        assertThat(emitted()).extracting(Record::timestamp).containsExactly(1_000L, 2_000L);
        assertThat(emitted()).extracting(record -> ((EnrichedArticle) record.value()).getEntities().get(0).getText())
                .containsExactly("Slow", "Fast");
        assertThat(queued()).isEmpty();
    }

    @Test
    void aTaskThatStoppedWithArticlesQueuedTagsThemWhenItStartsAgain() throws Exception {
        TagProcessor crashed = processor(pool(1));
        gates.put("Stuck", new CountDownLatch(1));
        crashed.process(new Record<>("a-1", article("Stuck"), 1_000L));
        crashed.process(new Record<>("a-2", article("Queued"), 2_000L));
        assertThat(emitted()).isEmpty();
        // no close(): the instance died; the store is what its changelog restores

        gates.get("Stuck").countDown(); // its old tagger finishes, but nobody is left to emit it
        context = new MockProcessorContext<>();
        context.addStateStore(queue);
        processor(pool(1));
        punctuateUntilEmitted(2);

        assertThat(emitted()).extracting(Record::key).containsExactly("a-1", "a-2");
        assertThat(emitted()).extracting(Record::timestamp).containsExactly(1_000L, 2_000L);
        assertThat(queued()).isEmpty();
    }

    @Test
    void theStageSchedulesAPunctuatorOnlyWhileArticlesWaitForTheTagger() throws Exception {
        // Kafka Streams commits a task after any punctuation: one always scheduled made idle instances commit
        TagProcessor processor = processor(pool(1));
        assertThat(activePunctuators()).as("nothing queued at start").isEmpty();
        gates.put("Slow", new CountDownLatch(1));

        processor.process(new Record<>("a-1", article("Slow"), 1_000L));
        assertThat(activePunctuators()).hasSize(1);
        gates.get("Slow").countDown();
        punctuateUntilEmitted(1);

        assertThat(activePunctuators()).as("all emitted").isEmpty();
        assertThat(context.scheduledPunctuators()).singleElement()
                .satisfies(punctuator -> assertThat(punctuator.cancelled()).isTrue());

        gates.put("Slow again", new CountDownLatch(1));
        processor.process(new Record<>("a-2", article("Slow again"), 2_000L));
        assertThat(activePunctuators()).as("scheduled again for the next article").hasSize(1);
    }

    @Test
    void anArticleTheTaggerFailsOnLeavesAsAFailureWithItsCause() throws Exception {
        TagProcessor processor = processor(pool(1));

        processor.process(new Record<>("a-1", article("bad input"), 1_000L));
        punctuateUntilEmitted(1);

        assertThat(emitted()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a-1");
            TaggingFailure failure = (TaggingFailure) record.value();
            assertThat(failure.cause()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot tag bad input");
            assertThat(failure.article().getTitle()).isEqualTo("bad input");
            assertThat(failure.timestamp()).isEqualTo(1_000L);
        });
        assertThat(queued()).isEmpty();
    }

    @Test
    void aFullQueueMakesTheStreamThreadWaitForTheOldestArticle() throws Exception {
        TagProcessor processor = processor(pool(1));
        gates.put("First", new CountDownLatch(1));
        processor.process(new Record<>("a-0", article("First"), 0L));
        for (int i = 1; i < TagProcessor.MAX_IN_FLIGHT; i++) {
            processor.process(new Record<>("a-" + i, article("Next"), i));
        }
        assertThat(emitted()).isEmpty();

        AtomicBoolean opened = new AtomicBoolean();
        Thread opener = new Thread(() -> {
            sleep(200);
            opened.set(true);
            gates.get("First").countDown();
        });
        opener.start();
        processor.process(new Record<>("a-over", article("Next"), TagProcessor.MAX_IN_FLIGHT));
        opener.join();

        assertThat(opened).as("process() returned only once the oldest article was tagged").isTrue();
        assertThat(emitted()).extracting(Record::key).startsWith("a-0");
        assertThat(queued().size() + emitted().size()).isEqualTo(TagProcessor.MAX_IN_FLIGHT + 1);
    }

    private TagProcessor processor(TaggingPool pool) {
        TagProcessor processor = new TagProcessor(pool, PipelineMetrics.NONE);
        context.setCurrentSystemTimeMs(1_700_000_001_000L);
        processor.init(context);
        return processor;
    }

    private TaggingPool pool(int threads) {
        TaggingPool pool = TaggingPool.threads(gatedTagger, threads);
        pools.add(pool);
        return pool;
    }

    /** Runs the stage's punctuator, as the stream thread does between records, until that many records left. */
    private void punctuateUntilEmitted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emitted().size() < count && System.nanoTime() < deadline) {
            assertThat(activePunctuators()).hasSize(1);
            activePunctuators().get(0).getPunctuator().punctuate(System.currentTimeMillis());
            Thread.sleep(5);
        }
    }

    private List<MockProcessorContext.CapturedPunctuator> activePunctuators() {
        return context.scheduledPunctuators().stream().filter(punctuator -> !punctuator.cancelled()).toList();
    }

    private List<Record<String, Object>> emitted() {
        List<Record<String, Object>> emitted = new ArrayList<>();
        for (MockProcessorContext.CapturedForward<? extends String, ?> forward : context.forwarded()) {
            emitted.add(new Record<>(forward.record().key(), forward.record().value(), forward.record().timestamp()));
        }
        return emitted;
    }

    private Map<String, Long> queued() {
        Map<String, Long> queued = new java.util.HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<EnrichedArticle>> all = queue.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<EnrichedArticle>> entry = all.next();
                queued.put(entry.key, entry.value.timestamp());
            }
        }
        return queued;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EnrichedArticle article(String title) {
        return EnrichedArticle.newBuilder()
                .setId("id-" + title)
                .setUrl("https://example.org/" + title.replace(' ', '-'))
                .setTitle(title)
                .setBody(title + " said on Monday that it would build a plant.")
                .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setProcessedAt(Instant.ofEpochMilli(1_700_000_000_500L))
                .setRemovedBlocks(List.of())
                .setEntities(List.of())
                .setContentHash("ab".repeat(32))
                .setFingerprint(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 2}))
                .setWordCount(12)
                .setPipelineVersion("test")
                .setHeaders(Map.of())
                .build();
    }
}
