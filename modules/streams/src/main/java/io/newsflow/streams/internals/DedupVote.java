package io.newsflow.streams.internals;

/**
 * The answer of one dedup key's partition about one article: {@code duplicateOf} is null when no earlier
 * article shares the key, else the earliest such article with the kind of match and its similarity.
 */
public record DedupVote(String articleId, String dedupKey, String duplicateOf, DedupKeyKind kind, double similarity) {

    /** Marks votes that correct an earlier verdict rather than answer one of the article's own keys. */
    static final String CORRECTION_PREFIX = "correction:";
    /** Marks the notice that a younger copy was remembered first and has been sent a correction. */
    static final String TWIN_PREFIX = "twin:";
    /** Marks the younger copy's answer to that correction. */
    static final String ANSWER_PREFIX = "answer:";

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

    /**
     * Tells {@code articleId}, the original, that {@code youngerCopy} was remembered under {@code dedupKey} before
     * it and has been sent a correction; the verdict waits for the copy's {@link #answer}.
     */
    public static DedupVote twin(String articleId, String dedupKey, String youngerCopy, DedupKeyKind kind) {
        return new DedupVote(articleId, TWIN_PREFIX + youngerCopy + "|" + dedupKey, null, kind, 0.0);
    }

    /**
     * The younger copy's answer to {@code correction}: if the copy was already published as a new story the
     * original becomes its duplicate (one story, published once); otherwise the copy yields and this answer
     * votes nothing.
     */
    public static DedupVote answer(DedupVote correction, boolean copyWasPublished) {
        String key = ANSWER_PREFIX + correction.articleId() + "|"
                + correction.dedupKey().substring(CORRECTION_PREFIX.length());
        return copyWasPublished
                ? new DedupVote(correction.duplicateOf(), key, correction.articleId(), correction.kind(),
                        correction.similarity())
                : new DedupVote(correction.duplicateOf(), key, null, correction.kind(), 0.0);
    }

    public boolean isCorrection() {
        return dedupKey.startsWith(CORRECTION_PREFIX);
    }

    public boolean isTwin() {
        return dedupKey.startsWith(TWIN_PREFIX);
    }

    public boolean isAnswer() {
        return dedupKey.startsWith(ANSWER_PREFIX);
    }

    /** One of the article's own keys' votes, as opposed to a correction, twin notice or answer. */
    public boolean isOwnKeyVote() {
        return !isCorrection() && !isTwin() && !isAnswer();
    }

    /** For a twin notice: the key of the answer that settles it. */
    public String awaitedAnswerKey() {
        return ANSWER_PREFIX + dedupKey.substring(TWIN_PREFIX.length());
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
