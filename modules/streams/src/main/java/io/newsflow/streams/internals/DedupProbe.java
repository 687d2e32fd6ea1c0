package io.newsflow.streams.internals;

/**
 * One dedup key of one article, sent to the partition that owns the key: "this article has this canonical URL /
 * content hash / fingerprint band; has anyone earlier?" {@code timestamp} is that of the raw record the article
 * arrived in; {@code fingerprint} is the near-duplicate fingerprint (needed to confirm a band match), empty for
 * exact keys.
 */
public record DedupProbe(String articleId, long timestamp, DedupKeyKind kind, byte[] fingerprint) {

    /**
     * Whether this article, already remembered under a key, is the original of {@code later}, which arrived
     * after it under the same key. Record timestamps decide, because they mean the same in every partition of
     * the dedup stage (one article's keys live in several); a tie goes to the one remembered first. An article
     * arriving late with an older timestamp is therefore not a duplicate of what came before it: at worst both
     * copies are kept, never both dropped.
     */
    public boolean isOriginalOf(DedupProbe later) {
        return timestamp <= later.timestamp;
    }
}
