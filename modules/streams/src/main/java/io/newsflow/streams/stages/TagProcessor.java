package io.newsflow.streams.stages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.streams.PipelineMetrics;

/**
 * Stage 4: tags named entities, after dedup so the expensive step runs once per story.
 *
 * <p>With a {@link TaggingPool} of threads the tagger runs beside the stream thread, which meanwhile reads,
 * deduplicates, commits and waits on Kafka: on two cores that overlap is most of the difference between the
 * pipeline's throughput and the tagger's own. An article waiting for its entities is kept in the
 * {@value #QUEUE_STORE} store (changelogged, so in the same transaction as everything else): its tagged record
 * and its deletion from the store commit together, and a crashed or moved task finds the articles it still
 * owed in the store and tags them again. So no article is lost or emitted twice, under exactly-once, however
 * the tagger and the commits interleave. Tagged articles are emitted in the order they arrived.
 *
 * <p>It emits {@link EnrichedArticle}s, and a {@link TaggingFailure} for an article the tagger threw on.
 */
public final class TagProcessor extends ContextualProcessor<String, EnrichedArticle, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(TagProcessor.class);

    public static final String STAGE = "tag";
    public static final String QUEUE_STORE = "tag-queue";
    /**
     * Articles one task may have waiting for the tagger before the stream thread waits for the oldest: enough to
     * keep the tagger busy through a commit and a few polls, few enough to bound memory (they are also in the
     * store) and what a restarted task tags again.
     */
    static final int MAX_IN_FLIGHT = 256;
    /** How often tagged articles are looked for when no record arrives. */
    static final Duration EMIT_INTERVAL = Duration.ofMillis(5);

    /** An article handed to the tagger, with what its output record needs. */
    private record InFlight(String id, long timestamp, EnrichedArticle article,
            CompletableFuture<List<Entity>> entities) {
    }

    /** An article the tagger failed on, with its record's timestamp: it goes to the dead-letter topic. */
    public record TaggingFailure(EnrichedArticle article, Throwable cause, long timestamp) {
    }

    /** The tagger, reporting each article's tagging time as this stage's time. */
    public static EntityTagging timed(EntityTagging tagging, PipelineMetrics metrics) {
        return (title, cleanBody) -> {
            long started = System.nanoTime();
            try {
                return tagging.tag(title, cleanBody);
            } finally {
                metrics.stageTime(STAGE, System.nanoTime() - started);
            }
        };
    }

    private final TaggingPool pool;
    private final PipelineMetrics metrics;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private TimestampedKeyValueStore<String, EnrichedArticle> queue;
    /**
     * The punctuator that emits what the tagger finished, scheduled only while articles are in flight: Kafka
     * Streams commits a task after any punctuation, so one that ran always made an idle instance commit a
     * transaction every commit interval (measured: 20 a second, a fifth of a core between broker and app).
     */
    private Cancellable emitting;

    public TagProcessor(TaggingPool pool, PipelineMetrics metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        queue = context.getStateStore(QUEUE_STORE);
        int resumed = 0;
        try (KeyValueIterator<String, ValueAndTimestamp<EnrichedArticle>> owed = queue.all()) {
            while (owed.hasNext()) {
                KeyValue<String, ValueAndTimestamp<EnrichedArticle>> entry = owed.next();
                inFlight.add(submit(entry.key, entry.value.timestamp(), entry.value.value()));
                resumed++;
            }
        }
        if (resumed > 0) {
            LOG.info("Task {}: tagging {} articles again that were queued when it last stopped", context.taskId(),
                    resumed);
            startEmitting();
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        InFlight article = submit(record.key(), record.timestamp(), record.value());
        if (inFlight.isEmpty() && article.entities().isDone()) {
            emit(article); // tagged on this thread (or already): nothing to keep
            return;
        }
        queue.put(article.id(), ValueAndTimestamp.make(article.article(), article.timestamp()));
        inFlight.add(article);
        startEmitting();
        emitTagged(false);
        while (inFlight.size() > MAX_IN_FLIGHT) {
            emitTagged(true);
        }
    }

    private InFlight submit(String id, long timestamp, EnrichedArticle article) {
        return new InFlight(id, timestamp, article, pool.submit(article.getTitle(), article.getBody()));
    }

    /** Emits the tagged articles at the head of the queue; {@code waitForOldest}: waits for the first one. */
    private void emitTagged(boolean waitForOldest) {
        boolean wait = waitForOldest;
        while (!inFlight.isEmpty() && (wait || inFlight.peek().entities().isDone())) {
            wait = false;
            InFlight article = inFlight.poll();
            emit(article);
            queue.delete(article.id());
        }
        if (inFlight.isEmpty() && emitting != null) {
            emitting.cancel();
            emitting = null;
        }
    }

    private void startEmitting() {
        if (emitting == null) {
            emitting = context().schedule(EMIT_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> emitTagged(false));
        }
    }

    private void emit(InFlight tagged) {
        EnrichedArticle article = tagged.article();
        List<Entity> entities;
        try {
            entities = tagged.entities().get();
        } catch (CancellationException e) {
            // The tagger threads stopped under this task (the instance is closing): the article stays in the store.
            throw new IllegalStateException("The tagger stopped before article " + tagged.id() + " was tagged", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("Tagging article {} failed: {}", tagged.id(), cause.toString());
            context().forward(new Record<>(tagged.id(), (Object) new TaggingFailure(article, cause, tagged.timestamp()),
                    tagged.timestamp()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the tagger", e);
        }
        article.setEntities(entities);
        entities.forEach(entity -> metrics.entityTagged(entity.getType().name()));
        article.setProcessedAt(Instant.ofEpochMilli(context().currentSystemTimeMs()));
        context().forward(new Record<>(tagged.id(), (Object) article, tagged.timestamp()));
    }

    @Override
    public void close() {
        // What was not emitted stays in the store: whoever runs this task next tags it again.
        inFlight.forEach(article -> article.entities().cancel(false));
        inFlight.clear();
    }
}
