package io.newsflow.streams.internals;

/**
 * The answer of one dedup key's partition about one article: {@code duplicateOf} is null when no earlier
 * article shares the key, else the earliest such article with the kind of match and its similarity.
 */
public record DedupVote(String articleId, String dedupKey, String duplicateOf, DedupKeyKind kind, double similarity) {

    /** Marks votes that correct an earlier verdict rather than answer one of the article's own keys. */
    static final String CORRECTION_PREFIX = "correction:";

    public static DedupVote unique(String articleId, String dedupKey, DedupKeyKind kind) {
        return new DedupVote(articleId, dedupKey, null, kind, 0.0);
    }

    /**
     * A vote for an article that was remembered under {@code dedupKey} before its original arrived there (the
     * original has the older timestamp but was processed later): it is a duplicate of {@code original} after all.
     */
    public static DedupVote correction(String articleId, String dedupKey, String original, DedupKeyKind kind,
            double similarity) {
        return new DedupVote(articleId, CORRECTION_PREFIX + dedupKey, original, kind, similarity);
    }

    public boolean isCorrection() {
        return dedupKey.startsWith(CORRECTION_PREFIX);
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** Exact beats near, then higher similarity, then the smaller original id: every instance picks the same. */
    public boolean isStrongerThan(DedupVote other) {
        if (kind.isExact() != other.kind.isExact()) {
            return kind.isExact();
        }
        if (similarity != other.similarity) {
            return similarity > other.similarity;
        }
        return duplicateOf.compareTo(other.duplicateOf) < 0;
    }
}
