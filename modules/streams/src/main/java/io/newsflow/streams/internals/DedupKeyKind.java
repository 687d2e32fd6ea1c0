package io.newsflow.streams.internals;

/** What a dedup key is made of, and so what a match on it means. */
public enum DedupKeyKind {
    CANONICAL_URL("canonical-url", "url:"),
    CONTENT_HASH("content-hash", "hash:"),
    FINGERPRINT_BAND("fingerprint", "band:");

    private final String matchedOn;
    private final String keyPrefix;

    DedupKeyKind(String matchedOn, String keyPrefix) {
        this.matchedOn = matchedOn;
        this.keyPrefix = keyPrefix;
    }

    /** The {@code matchedOn} value of DuplicateArticle. */
    public String matchedOn() {
        return matchedOn;
    }

    /**
     * The index key for {@code value}; every key of a kind has one length (see {@link FixedLengthKey}): a
     * canonical URL is replaced by its SHA-256, content hashes and band keys are fixed length already.
     */
    public String key(String value) {
        return keyPrefix + (this == CANONICAL_URL ? FixedLengthKey.of(value) : value);
    }

    public boolean isExact() {
        return this != FINGERPRINT_BAND;
    }
}
