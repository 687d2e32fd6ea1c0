package io.newsflow.downstream;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.DuplicateKind;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.model.EntityType;
import io.newsflow.model.RemovedBlock;

/** Enriched articles, duplicates and dead letters written for these tests, with only the fields downstream reads. */
final class Articles {

    /** A Monday, 10:00 UTC: hour-aligned, so window boundaries in the tests are easy to read. */
    static final Instant MONDAY_10AM = Instant.parse("2026-03-02T10:00:00Z");

    private Articles() {
    }

    static Instant at(String hhmm) {
        String[] parts = hhmm.split(":");
        return MONDAY_10AM.plusSeconds((Integer.parseInt(parts[0]) - 10) * 3600L + Integer.parseInt(parts[1]) * 60L);
    }

    static Entity entity(EntityType type, String canonical, int count, double salience) {
        return Entity.newBuilder().setText(canonical).setType(type).setStart(0).setEnd(canonical.length())
                .setCanonical(canonical).setCount(count).setSalience(salience).build();
    }

    static EnrichedArticle article(String id, String source, Instant publishedAt, Entity... entities) {
        return builder(id, source, publishedAt, "A short report about the harbour dispute.", List.of(), entities)
                .build();
    }

    static EnrichedArticle.Builder builder(String id, String source, Instant publishedAt, String body,
                                           List<String> removed, Entity... entities) {
        List<RemovedBlock> blocks = new ArrayList<>();
        removed.forEach(text -> blocks.add(RemovedBlock.newBuilder().setText(text).setReason("test-rule").build()));
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setSource(source)
                .setTitle("Title of " + id)
                .setBody(body)
                .setPublishedAt(publishedAt)
                .setFetchedAt(publishedAt == null ? MONDAY_10AM : publishedAt.plusSeconds(30))
                .setProcessedAt(MONDAY_10AM)
                .setRemovedBlocks(blocks)
                .setEntities(List.of(entities))
                .setContentHash("0".repeat(64))
                .setFingerprint(ByteBuffer.wrap(new byte[] {1}))
                .setWordCount(body.split("\\s+").length)
                .setPipelineVersion("test");
    }

    static DuplicateArticle duplicate(String id, String of, String source) {
        return DuplicateArticle.newBuilder().setId(id).setDuplicateOf(of).setKind(DuplicateKind.EXACT)
                .setSimilarity(1.0).setSource(source).setDetectedAt(MONDAY_10AM).build();
    }

    static DeadLetter deadLetter(String articleId, Map<String, String> headers) {
        return DeadLetter.newBuilder().setSourceTopic("news.raw").setPartition(0).setOffset(7).setStage("validate")
                .setErrorClass("IllegalArgumentException").setErrorMessage("body over the limit")
                .setTimestamp(MONDAY_10AM).setFailedAt(MONDAY_10AM).setArticleId(articleId).setHeaders(headers)
                .build();
    }
}
