package io.newsflow.streams.stages;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.RawArticle;
import io.newsflow.model.RemovedBlock;
import io.newsflow.text.clean.CleanedText;
import io.newsflow.text.dedup.ContentHash;
import io.newsflow.text.dedup.NearDuplicateFingerprint;
import io.newsflow.text.dedup.UrlCanonicalizer;

/**
 * Builds the draft of an enriched record from a raw article and its cleaned text, and fills in its fingerprints.
 * Plain Java, shared by the topology's stages and the offline {@code enrich} command so both emit the same record.
 */
public final class EnrichedDrafts {

    private EnrichedDrafts() {
    }

    /** @throws StageException when cleaning left nothing of the body */
    public static EnrichedArticle fromCleaned(RawArticle raw, CleanedText cleaned, String pipelineVersion, long nowMs) {
        if (cleaned.text().isBlank()) {
            throw new StageException(CleanProcessor.STAGE, "Article " + raw.getId() + " has no content left after "
                    + "removing " + cleaned.removed().size() + " boilerplate block(s)");
        }
        List<RemovedBlock> removed = new ArrayList<>(cleaned.removed().size());
        cleaned.removed().forEach(block -> removed.add(new RemovedBlock(block.text(), block.reason())));
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(raw.getUrl())
                .setSource(raw.getSource())
                .setTitle(raw.getTitle() == null ? null : Normalizer.normalize(raw.getTitle().strip(), Normalizer.Form.NFC))
                .setBody(cleaned.text())
                .setContentType(raw.getContentType())
                .setLanguage(raw.getLanguage())
                .setPublishedAt(raw.getPublishedAt())
                .setFetchedAt(raw.getFetchedAt())
                .setProcessedAt(Instant.ofEpochMilli(nowMs))
                .setRemovedBlocks(removed)
                .setContentHash("")
                .setFingerprint(ByteBuffer.allocate(0))
                .setWordCount(countWords(cleaned.text()))
                .setPipelineVersion(pipelineVersion)
                .setHeaders(raw.getHeaders())
                .build();
    }

    /** Sets canonical URL, content hash and near-duplicate fingerprint; returns the fingerprint. */
    public static NearDuplicateFingerprint fingerprint(EnrichedArticle draft) {
        NearDuplicateFingerprint fingerprint = NearDuplicateFingerprint.of(draft.getBody());
        draft.setCanonicalUrl(draft.getUrl() == null ? null : UrlCanonicalizer.canonicalize(draft.getUrl()).orElse(null));
        draft.setContentHash(ContentHash.of(draft.getBody()));
        draft.setFingerprint(ByteBuffer.wrap(fingerprint.toBytes()));
        return fingerprint;
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letterOrDigit = Character.isLetterOrDigit(text.charAt(i));
            if (letterOrDigit && !inWord) {
                words++;
            }
            inWord = letterOrDigit;
        }
        return words;
    }
}
