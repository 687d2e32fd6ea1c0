package io.newsflow.streams.stages;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.streams.internals.DedupKeyKind;
import io.newsflow.text.dedup.NearDuplicateFingerprint;

/**
 * The keys under which one article is looked up and remembered: its canonical URL, its content hash and the
 * LSH bands of its near-duplicate fingerprint (bodies too short for a reliable fingerprint only match exactly).
 */
public record DedupKeys(List<Key> keys) {

    public record Key(String value, DedupKeyKind kind) {
    }

    public static DedupKeys of(EnrichedArticle fingerprinted, NearDuplicateFingerprint fingerprint) {
        List<Key> keys = new ArrayList<>();
        if (fingerprinted.getCanonicalUrl() != null) {
            keys.add(new Key(DedupKeyKind.CANONICAL_URL.key(fingerprinted.getCanonicalUrl()), DedupKeyKind.CANONICAL_URL));
        }
        keys.add(new Key(DedupKeyKind.CONTENT_HASH.key(fingerprinted.getContentHash()), DedupKeyKind.CONTENT_HASH));
        if (!fingerprint.isTooShortForNear()) {
            for (String band : fingerprint.bandKeys()) {
                keys.add(new Key(DedupKeyKind.FINGERPRINT_BAND.key(band), DedupKeyKind.FINGERPRINT_BAND));
            }
        }
        return new DedupKeys(List.copyOf(keys));
    }

    public int size() {
        return keys.size();
    }
}
