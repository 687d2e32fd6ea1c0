package io.newsflow.streams.internals;

/**
 * The answer of one dedup key's partition about one article: {@code duplicateOf} is null when no earlier
 * article shares the key, else the earliest such article with the kind of match and its similarity.
 */
public record DedupVote(String articleId, String dedupKey, String duplicateOf, DedupKeyKind kind, double similarity) {

    public static DedupVote unique(String articleId, String dedupKey, DedupKeyKind kind) {
        return new DedupVote(articleId, dedupKey, null, kind, 0.0);
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
