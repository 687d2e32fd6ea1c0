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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.DuplicateKind;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.internals.DedupMessage;
import io.newsflow.streams.internals.DedupVote;
import io.newsflow.streams.internals.PendingDedup;

/**
 * Stage 3c, keyed by article id: waits for the draft and the vote of each of its dedup keys, then emits
 * exactly one verdict: the draft (a new story, on to tagging) or a {@link DuplicateArticle} naming the
 * original. Under exactly-once the pending entry, its deletion and the verdict commit together, so an article
 * is never both new and a duplicate.
 */
public final class DedupVerdictProcessor extends ContextualProcessor<String, DedupMessage, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupVerdictProcessor.class);

    public static final String PENDING_STORE = "dedup-pending";
    /** Votes always follow their draft within seconds; this only bounds the store if something went wrong. */
    static final Duration INCOMPLETE_TIMEOUT = Duration.ofMinutes(10);

    private final PipelineMetrics metrics;
    private KeyValueStore<String, PendingDedup> pending;

    public DedupVerdictProcessor(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        super.init(context);
        pending = context.getStateStore(PENDING_STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, this::releaseStale);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        String articleId = record.key();
        PendingDedup state = pending.get(articleId);
        if (state == null) {
            state = PendingDedup.empty(context().currentSystemTimeMs());
        }
        if (record.value() instanceof DedupMessage.Draft draft) {
            if (state.draft() != null) {
                // The same id again: a re-sent article. It is an exact duplicate of the one already waiting.
                emit(record.withValue(duplicate(draft.article(), new DedupVote(articleId, "id:" + articleId,
                        articleId, io.newsflow.streams.internals.DedupKeyKind.CONTENT_HASH, 1.0))));
                return;
            }
            state = state.withDraft(draft.article(), draft.expectedVotes());
        } else if (record.value() instanceof DedupMessage.Vote vote) {
            state = state.withVote(vote.vote());
        }
        if (state.isComplete()) {
            pending.delete(articleId);
            emit(record.withValue(verdict(state)));
        } else {
            pending.put(articleId, state);
        }
    }

    private void emit(Record<String, SpecificRecord> verdict) {
        if (verdict.value() instanceof DuplicateArticle duplicate) {
            metrics.duplicate(duplicate.getKind().name());
        }
        context().forward(verdict);
    }

    static SpecificRecord verdict(PendingDedup state) {
        DedupVote strongest = null;
        for (DedupVote vote : state.votes()) {
            if (vote.isDuplicate() && (strongest == null || vote.isStrongerThan(strongest))) {
                strongest = vote;
            }
        }
        return strongest == null ? state.draft() : duplicate(state.draft(), strongest);
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

    /** Emits drafts whose votes never all arrived (as new: losing them is worse) and drops orphaned votes. */
    private void releaseStale(long now) {
        List<KeyValue<String, PendingDedup>> stale = new ArrayList<>();
        try (KeyValueIterator<String, PendingDedup> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, PendingDedup> entry = all.next();
                if (now - entry.value.firstSeenMs() > INCOMPLETE_TIMEOUT.toMillis()) {
                    stale.add(entry);
                }
            }
        }
        for (KeyValue<String, PendingDedup> entry : stale) {
            pending.delete(entry.key);
            if (entry.value.draft() != null) {
                LOG.warn("Article {} got {} of {} dedup votes in {}; emitting it on the votes it has",
                        entry.key, entry.value.votes().size(), entry.value.expectedVotes(), INCOMPLETE_TIMEOUT);
                emit(new Record<>(entry.key, verdict(entry.value), now));
            }
        }
    }
}
