package io.newsflow.downstream;

import java.time.Instant;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.RemovedBlock;
import io.newsflow.model.SourceStats;

/**
 * Turns each output record of the pipeline into a one-record {@link SourceStats} increment for its source, and
 * adds increments up. The source-stats table is the running sum of these increments.
 */
public final class SourceTally {

    /** The header the pipeline copies from the raw record onto a dead letter, when it could read the source. */
    public static final String SOURCE_HEADER = "newsflow.source";

    private SourceTally() {
    }

    /** Boilerplate share is measured against the raw text: the clean body plus what was removed from it. */
    public static SourceStats ofArticle(EnrichedArticle article) {
        long removed = 0;
        for (RemovedBlock block : article.getRemovedBlocks()) {
            removed += block.getText().length();
        }
        long raw = article.getBody().length() + removed;
        return increment(article.getSource(), 1, 0, 0, raw, removed, article.getProcessedAt());
    }

    public static SourceStats ofDuplicate(DuplicateArticle duplicate) {
        return increment(duplicate.getSource(), 0, 1, 0, 0, 0, duplicate.getDetectedAt());
    }

    public static SourceStats ofDeadLetter(DeadLetter letter) {
        return increment(sourceOf(letter), 0, 0, 1, 0, 0, letter.getFailedAt());
    }

    /** The source a dead letter belongs to, or null when the pipeline could not tell. */
    public static String sourceOf(DeadLetter letter) {
        String source = letter.getHeaders() == null ? null : letter.getHeaders().get(SOURCE_HEADER);
        return source == null || source.isBlank() ? null : source;
    }

    public static SourceStats add(SourceStats total, SourceStats increment) {
        long raw = total.getRawChars() + increment.getRawChars();
        long removed = total.getRemovedChars() + increment.getRemovedChars();
        return SourceStats.newBuilder()
                .setSource(total.getSource())
                .setArticles(total.getArticles() + increment.getArticles())
                .setDuplicates(total.getDuplicates() + increment.getDuplicates())
                .setDeadLetters(total.getDeadLetters() + increment.getDeadLetters())
                .setRawChars(raw)
                .setRemovedChars(removed)
                .setBoilerplateShare(share(removed, raw))
                .setLastSeenAt(latest(total.getLastSeenAt(), increment.getLastSeenAt()))
                .build();
    }

    private static SourceStats increment(String source, long articles, long duplicates, long deadLetters,
                                         long raw, long removed, Instant seenAt) {
        return SourceStats.newBuilder()
                .setSource(source == null ? "" : source)
                .setArticles(articles)
                .setDuplicates(duplicates)
                .setDeadLetters(deadLetters)
                .setRawChars(raw)
                .setRemovedChars(removed)
                .setBoilerplateShare(share(removed, raw))
                .setLastSeenAt(seenAt)
                .build();
    }

    private static double share(long removed, long raw) {
        return raw == 0 ? 0.0 : (double) removed / raw;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
