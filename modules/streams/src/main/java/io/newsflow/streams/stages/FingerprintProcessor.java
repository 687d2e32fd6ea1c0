package io.newsflow.streams.stages;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.text.dedup.NearDuplicateFingerprint;

/**
 * Stage 3a: fingerprints the clean body and the URL (canonical URL, content hash, near-duplicate fingerprint)
 * and works out the article's dedup keys. The topology then fans the article out by those keys.
 */
public final class FingerprintProcessor
        extends ContextualFixedKeyProcessor<String, EnrichedArticle, FingerprintProcessor.Fingerprinted> {

    public static final String STAGE = "dedup";

    /**
     * An article with its fingerprint, keys and the timestamp of its raw record (which orders copies); lives
     * only between two processors, never serialized.
     */
    public record Fingerprinted(EnrichedArticle article, NearDuplicateFingerprint fingerprint, DedupKeys keys,
            long timestamp) {
    }

    private final PipelineMetrics metrics;

    public FingerprintProcessor(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        long started = System.nanoTime();
        EnrichedArticle draft = record.value();
        NearDuplicateFingerprint fingerprint = EnrichedDrafts.fingerprint(draft);
        metrics.stageTime("dedup-fingerprint", System.nanoTime() - started);
        context().forward(record.withValue(new Fingerprinted(draft, fingerprint, DedupKeys.of(draft, fingerprint),
                record.timestamp())));
    }
}
