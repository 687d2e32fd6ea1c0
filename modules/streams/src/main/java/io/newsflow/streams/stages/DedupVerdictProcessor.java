package io.newsflow.streams.stages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.DuplicateKind;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.internals.DedupKeyKind;
import io.newsflow.streams.internals.DedupMessage;
import io.newsflow.streams.internals.DedupVote;
import io.newsflow.streams.internals.FixedLengthKey;
import io.newsflow.streams.internals.PendingDedup;

/**
 * Stage 3c, keyed by article id: waits for the draft and the vote of each of its dedup keys, then emits
 * exactly one verdict: a {@link DuplicateArticle} naming the original, or, for a new story, the draft (on to
 * tagging), optionally after {@code dedup.settle.ms}. Under exactly-once the pending entry, its deletion and the
 * verdict commit together, so an article is never both new and a duplicate.
 *
 * <p>Copies processed out of timestamp order (a backlog spread over partitions): when an original reaches a
 * dedup key after its younger copy, the copy gets a correction and the original a twin notice, and the
 * original's verdict waits for the copy's {@link DedupMessage.Answer answer}. A copy still pending yields and
 * becomes the duplicate; a copy already published stays the story and the original becomes its duplicate. So
 * every story is published once and never dropped, whatever order its copies were processed in. Answers travel
 * back to this stage through the {@code <application.id>-dedup-answers} topic.
 */
public final class DedupVerdictProcessor extends ContextualProcessor<String, DedupMessage, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupVerdictProcessor.class);

    public static final String PENDING_STORE = "dedup-pending";
    public static final String DRAFT_STORE = "dedup-drafts";
    /**
     * Ids (as {@link FixedLengthKey}s) published as new stories, kept as long as the index keeps keys, to answer
     * late corrections.
     */
    public static final String PUBLISHED_STORE = "dedup-published";
    private static final byte[] PUBLISHED = {1};
    /**
     * Votes follow their draft within seconds, and within minutes while a backlog is worked off; this only bounds
     * the store if something went wrong, and is long so that a slow backlog never releases articles undeduplicated.
     */
    static final Duration INCOMPLETE_TIMEOUT = Duration.ofHours(1);

    private final PipelineMetrics metrics;
    private final Duration settle;
    private KeyValueStore<String, PendingDedup> pending;
    private KeyValueStore<String, EnrichedArticle> drafts;
    private WindowStore<String, byte[]> published;

    public DedupVerdictProcessor(PipelineMetrics metrics, Duration settle) {
        this.metrics = metrics;
        this.settle = settle;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        pending = context.getStateStore(PENDING_STORE);
        drafts = context.getStateStore(DRAFT_STORE);
        published = context.getStateStore(PUBLISHED_STORE);
        if (!settle.isZero()) {
            Duration tick = settle.compareTo(Duration.ofMillis(100)) < 0 ? settle : Duration.ofMillis(100);
            context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::emitSettled);
        }
        context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, this::releaseStale);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        String articleId = record.key();
        PendingDedup state = pending.get(articleId);
        if (record.value() instanceof DedupMessage.Vote vote && vote.vote().isCorrection()) {
            // Answer at once, whatever this article's own state: the original is waiting for it.
            boolean wasPublished = state == null && wasPublished(articleId);
            DedupVote answer = DedupVote.answer(vote.vote(), wasPublished);
            context().forward(new Record<>(answer.articleId(), (Object) new DedupMessage.Answer(answer),
                    record.timestamp()));
            if (state == null) {
                return; // decided before: published (its original now yields to it) or a duplicate already
            }
        } else if (record.value() instanceof DedupMessage.Answer answer) {
            if (state == null) {
                LOG.debug("Answer {} for article {} that is no longer pending", answer.vote(), articleId);
                return;
            }
            state = state.withVote(answer.vote());
        }
        if (state == null) {
            state = PendingDedup.empty(context().currentSystemTimeMs());
        }
        if (record.value() instanceof DedupMessage.Draft draft) {
            if (state.hasDraft()) {
                // The same id again: a re-sent article. It is an exact duplicate of the one already waiting.
                emit(new Record<>(articleId, duplicate(draft.article(), new DedupVote(articleId, "id:" + articleId,
                        articleId, DedupKeyKind.CONTENT_HASH, 1.0)), record.timestamp()));
                return;
            }
            drafts.put(articleId, draft.article());
            state = state.withDraft(draft.expectedVotes());
        } else if (record.value() instanceof DedupMessage.Vote vote) {
            state = state.withVote(vote.vote());
        } else if (record.value() instanceof DedupMessage.Votes votes) {
            for (DedupVote vote : votes.votes()) {
                state = state.withVote(vote);
            }
        }
        if (!state.isComplete()) {
            pending.put(articleId, state);
            return;
        }
        SpecificRecord verdict = verdict(state, drafts.get(articleId));
        if (verdict instanceof DuplicateArticle || settle.isZero()) {
            forget(articleId);
            emit(new Record<>(articleId, verdict, record.timestamp()));
        } else if (!state.isSettling()) {
            pending.put(articleId, state.settlingUntil(context().currentSystemTimeMs() + settle.toMillis()));
        } else {
            pending.put(articleId, state);
        }
    }

    private void forget(String articleId) {
        pending.delete(articleId);
        drafts.delete(articleId);
    }

    static SpecificRecord verdict(PendingDedup state, EnrichedArticle draft) {
        DedupVote strongest = null;
        for (DedupVote vote : state.votes()) {
            if (vote.isDuplicate() && (strongest == null || vote.isStrongerThan(strongest))) {
                strongest = vote;
            }
        }
        return strongest == null ? draft : duplicate(draft, strongest);
    }

    private void emit(Record<String, SpecificRecord> verdict) {
        if (verdict.value() instanceof DuplicateArticle duplicate) {
            metrics.duplicate(duplicate.getKind().name());
        } else {
            published.put(FixedLengthKey.of(verdict.key()), PUBLISHED, verdict.timestamp());
        }
        context().forward(new Record<>(verdict.key(), (Object) verdict.value(), verdict.timestamp()));
    }

    private boolean wasPublished(String articleId) {
        try (WindowStoreIterator<byte[]> marks = published.fetch(FixedLengthKey.of(articleId), 0L, Long.MAX_VALUE)) {
            return marks.hasNext();
        }
    }

    private static DuplicateArticle duplicate(EnrichedArticle article, DedupVote vote) {
        return DuplicateArticle.newBuilder()
                .setId(article.getId())
                .setDuplicateOf(vote.duplicateOf())
                .setKind(vote.kind().isExact() ? DuplicateKind.EXACT : DuplicateKind.NEAR)
                .setSimilarity(vote.similarity())
                .setMatchedOn(vote.kind().matchedOn())
                .setUrl(article.getUrl())
                .setCanonicalUrl(article.getCanonicalUrl())
                .setSource(article.getSource())
                .setTitle(article.getTitle())
                .setPublishedAt(article.getPublishedAt())
                .setFetchedAt(article.getFetchedAt())
                .setDetectedAt(Instant.now())
                .build();
    }

    /** Emits the new stories whose settle time has passed without a correction. */
    private void emitSettled(long now) {
        List<KeyValue<String, PendingDedup>> settled = new ArrayList<>();
        try (KeyValueIterator<String, PendingDedup> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, PendingDedup> entry = all.next();
                if (entry.value.isSettling() && entry.value.settlesAtMs() <= now) {
                    settled.add(entry);
                }
            }
        }
        for (KeyValue<String, PendingDedup> entry : settled) {
            SpecificRecord verdict = verdict(entry.value, drafts.get(entry.key));
            forget(entry.key);
            emit(new Record<>(entry.key, verdict, now));
        }
    }

    /** Emits drafts whose votes never all arrived (as new: losing them is worse) and drops orphaned votes. */
    private void releaseStale(long now) {
        List<KeyValue<String, PendingDedup>> stale = new ArrayList<>();
        try (KeyValueIterator<String, PendingDedup> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, PendingDedup> entry = all.next();
                if (!entry.value.isSettling() && now - entry.value.firstSeenMs() > INCOMPLETE_TIMEOUT.toMillis()) {
                    stale.add(entry);
                }
            }
        }
        for (KeyValue<String, PendingDedup> entry : stale) {
            EnrichedArticle draft = entry.value.hasDraft() ? drafts.get(entry.key) : null;
            forget(entry.key);
            if (draft != null) {
                LOG.warn("Article {} got {} of {} dedup votes in {}; emitting it on the votes it has",
                        entry.key, entry.value.votes().size(), entry.value.expectedVotes(), INCOMPLETE_TIMEOUT);
                emit(new Record<>(entry.key, verdict(entry.value, draft), now));
            }
        }
    }
}
