package io.newsflow.app;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.DuplicateKind;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.streams.stages.ArticleValidation;
import io.newsflow.streams.stages.EnrichedDrafts;
import io.newsflow.streams.stages.EntityTagging;
import io.newsflow.text.clean.ArticleCleaner;
import io.newsflow.text.clean.CleanedText;
import io.newsflow.text.clean.SourceTemplate;
import io.newsflow.text.dedup.ArticleKey;
import io.newsflow.text.dedup.DuplicateDetector;
import io.newsflow.text.dedup.Verdict;

/**
 * The pipeline's stages without Kafka, for backfills and debugging: validate, clean (learning each source's
 * template over the batch), deduplicate against everything seen in this run, tag. Not thread-safe.
 */
final class OfflineEnricher {

    private final ArticleValidation validation;
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final Map<String, SourceTemplate> templates = new HashMap<>();
    private final DuplicateDetector duplicates;
    private final EntityTagging tagging;
    private final String pipelineVersion;

    OfflineEnricher(int maxBodyBytes, int dedupCapacity, EntityTagging tagging, String pipelineVersion) {
        TrustedModelClasses.register();
        this.validation = new ArticleValidation(maxBodyBytes);
        this.duplicates = new DuplicateDetector(dedupCapacity);
        this.tagging = tagging;
        this.pipelineVersion = pipelineVersion;
    }

    /**
     * @return an {@link EnrichedArticle} or a {@link DuplicateArticle}
     * @throws io.newsflow.streams.stages.StageException when the article is rejected
     */
    SpecificRecord enrich(RawArticle raw) {
        validation.check(raw);
        String source = raw.getSource() == null ? "" : raw.getSource();
        SourceTemplate template = templates.computeIfAbsent(source, s -> SourceTemplate.empty());
        CleanedText cleaned = cleaner.clean(raw.getBody(), ArticleValidation.baseContentType(raw.getContentType()),
                template);
        template.observe(cleaned.blockHashes());
        long now = System.currentTimeMillis();
        EnrichedArticle draft = EnrichedDrafts.fromCleaned(raw, cleaned, pipelineVersion, now);
        EnrichedDrafts.fingerprint(draft);

        Verdict verdict = duplicates.check(new ArticleKey(draft.getId(), draft.getUrl(), draft.getBody()));
        if (verdict instanceof Verdict.Duplicate duplicate) {
            return DuplicateArticle.newBuilder()
                    .setId(draft.getId())
                    .setDuplicateOf(duplicate.originalId())
                    .setKind(DuplicateKind.valueOf(duplicate.kind().name()))
                    .setSimilarity(duplicate.similarity())
                    .setMatchedOn(duplicate.matchedOn().label())
                    .setUrl(draft.getUrl())
                    .setCanonicalUrl(draft.getCanonicalUrl())
                    .setSource(draft.getSource())
                    .setTitle(draft.getTitle())
                    .setPublishedAt(draft.getPublishedAt())
                    .setFetchedAt(draft.getFetchedAt())
                    .setDetectedAt(Instant.ofEpochMilli(now))
                    .build();
        }
        draft.setEntities(tagging.tag(draft.getTitle(), draft.getBody()));
        draft.setProcessedAt(Instant.ofEpochMilli(System.currentTimeMillis()));
        return draft;
    }
}
