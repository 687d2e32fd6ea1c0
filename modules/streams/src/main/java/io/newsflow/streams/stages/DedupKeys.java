package io.newsflow.streams.stages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Utils;

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

    /**
     * The keys grouped by the partition of the dedup index that owns them, out of {@code partitions}: the
     * partition Kafka's default partitioner gives each key as a record key (murmur2 of its UTF-8 bytes), in
     * first-key order, so that a group sent with its first key as record key lands where each of its keys would.
     */
    public List<List<Key>> byPartition(int partitions) {
        Map<Integer, List<Key>> groups = new LinkedHashMap<>();
        for (Key key : keys) {
            groups.computeIfAbsent(partitionOf(key.value(), partitions), partition -> new ArrayList<>()).add(key);
        }
        return List.copyOf(groups.values());
    }

    /** The partition Kafka's default partitioner gives {@code key} (a String record key) out of {@code partitions}. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
