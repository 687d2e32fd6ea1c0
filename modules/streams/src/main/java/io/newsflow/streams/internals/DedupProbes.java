package io.newsflow.streams.internals;

import java.util.List;

/**
 * The dedup keys of one article that one partition of the dedup index owns, sent there as one record: "this
 * article has these keys; has anyone earlier?" One record per partition rather than one per key: an article has
 * about ten keys (canonical URL, content hash, eight fingerprint bands), so on four partitions this sends about
 * four records instead of ten, the fingerprint once in each, and the index answers with as many.
 * {@code timestamp} is that of the raw record the article arrived in; {@code fingerprint} is the near-duplicate
 * fingerprint (needed to confirm a band match).
 */
public record DedupProbes(String articleId, long timestamp, byte[] fingerprint, List<Key> keys) {

    /** One dedup key and its kind. */
    public record Key(String value, DedupKeyKind kind) {
    }

    public DedupProbes {
        keys = List.copyOf(keys);
    }

    /** What the index remembers of the article under {@code key}: exact keys need no fingerprint. */
    public DedupProbe probe(Key key) {
        return new DedupProbe(articleId, timestamp, key.kind(), key.kind().isExact() ? new byte[0] : fingerprint);
    }
}
