package io.newsflow.streams.stages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.internals.DedupKeyKind;
import io.newsflow.streams.internals.DedupMessage;
import io.newsflow.streams.internals.DedupProbe;
import io.newsflow.streams.internals.DedupProbes;
import io.newsflow.streams.internals.DedupVote;
import io.newsflow.text.dedup.NearDuplicateFingerprint;

/**
 * Stage 3b, in the partition that owns a group of an article's dedup keys: answers "is there an earlier article
 * with this key?" for each key, all in one record, and remembers the article under each key for
 * {@code dedup.retention.ms} (a window store: old entries expire by segment, and the store is changelogged so a
 * restarted or rebalanced instance still knows them).
 *
 * <p>"Earlier" is judged by record timestamp ({@link DedupProbe#isOriginalOf}), not only by arrival here: one
 * article's keys live in different partitions that may see two copies in different orders, and an order every
 * partition agrees on keeps the first copy from being voted a duplicate of a later one. When the older copy
 * arrives second, the younger one gets a correction and the older one a twin notice; the verdict stage settles
 * which of the two is the story (see {@link DedupVerdictProcessor}).
 */
public final class DedupIndexProcessor extends ContextualProcessor<String, DedupProbes, String, DedupMessage> {

    public static final String INDEX_STORE = "dedup-index";
    /**
     * At most this many articles are compared under one key, and a key holding this many takes no more. A band
     * key shared by that many different articles (templated or very short texts) selects nothing: without the
     * bound every article would be compared with all the others under it, and the stage would slow down with
     * the square of the articles seen. A real copy shares several bands, so the others still find it.
     */
    static final int MAX_ARTICLES_PER_KEY = 64;

    private final Duration retention;
    private final PipelineMetrics metrics;
    private WindowStore<String, DedupProbe> index;

    public DedupIndexProcessor(Duration retention, PipelineMetrics metrics) {
        this.retention = retention;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DedupMessage> context) {
        super.init(context);
        index = context.getStateStore(INDEX_STORE);
    }

    /** Answers for each of the article's keys this partition owns, and sends the answers as one record. */
    @Override
    public void process(Record<String, DedupProbes> record) {
        long started = System.nanoTime();
        DedupProbes probes = record.value();
        NearDuplicateFingerprint fingerprint = probes.keys().stream()
                .anyMatch(key -> key.kind() == DedupKeyKind.FINGERPRINT_BAND)
                ? NearDuplicateFingerprint.fromBytes(probes.fingerprint()) : null;
        List<DedupVote> votes = new ArrayList<>(probes.keys().size());
        for (DedupProbes.Key key : probes.keys()) {
            votes.add(lookUpAndRemember(key.value(), probes.probe(key), fingerprint, record.timestamp()));
        }
        metrics.stageTime("dedup-index", System.nanoTime() - started);
        context().forward(new Record<>(probes.articleId(), new DedupMessage.Votes(votes), record.timestamp()));
    }

    private DedupVote lookUpAndRemember(String key, DedupProbe probe, NearDuplicateFingerprint fingerprint,
            long timestamp) {
        DedupVote best = DedupVote.unique(probe.articleId(), key, probe.kind());
        long from = Math.max(0, timestamp - retention.toMillis());
        int seen = 0;
        try (WindowStoreIterator<DedupProbe> candidates = index.fetch(key, from, Long.MAX_VALUE)) {
            while (candidates.hasNext() && seen < MAX_ARTICLES_PER_KEY) {
                KeyValue<Long, DedupProbe> entry = candidates.next();
                seen++;
                DedupProbe earlier = entry.value;
                if (earlier.articleId().equals(probe.articleId())) {
                    // Under exactly-once a record is indexed once, so the same id again is the article re-sent.
                    best = new DedupVote(probe.articleId(), key, earlier.articleId(), probe.kind(), 1.0);
                    break;
                }
                if (!earlier.isOriginalOf(probe)) {
                    // Remembered first but younger: this probe's article is its original. Correct the copy's
                    // verdict, and tell this article to wait for the copy's answer: a copy already published
                    // stays the story, and this article becomes its duplicate instead.
                    DedupVote vote = vote(probe, key, earlier, fingerprint);
                    if (vote != null) {
                        context().forward(new Record<>(earlier.articleId(), new DedupMessage.Vote(DedupVote.correction(
                                earlier.articleId(), key, probe.articleId(), vote.kind(), vote.similarity())),
                                timestamp));
                        context().forward(new Record<>(probe.articleId(), new DedupMessage.Vote(DedupVote.twin(
                                probe.articleId(), key, earlier.articleId(), vote.kind())), timestamp));
                    }
                    continue;
                }
                DedupVote vote = vote(probe, key, earlier, fingerprint);
                if (vote != null && (!best.isDuplicate() || vote.isStrongerThan(best))) {
                    best = vote;
                }
            }
        }
        // Only originals are remembered: a later copy then points at the first copy, not at another copy.
        if (!best.isDuplicate() && seen < MAX_ARTICLES_PER_KEY) {
            index.put(key, probe, timestamp);
        }
        return best;
    }

    private static DedupVote vote(DedupProbe probe, String key, DedupProbe earlier, NearDuplicateFingerprint fingerprint) {
        if (probe.kind().isExact()) {
            return new DedupVote(probe.articleId(), key, earlier.articleId(), probe.kind(), 1.0);
        }
        NearDuplicateFingerprint other = NearDuplicateFingerprint.fromBytes(earlier.fingerprint());
        if (!fingerprint.isNearDuplicateOf(other)) {
            return null;
        }
        return new DedupVote(probe.articleId(), key, earlier.articleId(), probe.kind(), fingerprint.similarity(other));
    }
}
