/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory index of recent articles' fingerprints by LSH band key, for the offline {@code enrich} command
 * and the evaluation (the streams topology keeps the same data in state stores instead).
 *
 * <p>Bounded: holding more than {@code capacity} articles evicts the oldest by insertion order, which
 * mirrors the retention window of the streams store. Not thread-safe: confine to one thread or guard
 * externally.
 */
public final class NearDuplicateIndex {

    /** The earlier article a fingerprint matched and how similar the two are. */
    public record Match(String originalId, double similarity) {
    }

    /** An indexed fingerprint and its insertion sequence number, which breaks ties in favour of the earliest. */
    private record Entry(NearDuplicateFingerprint fingerprint, long sequence) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByBand = new HashMap<>();
    private long nextSequence;

    public NearDuplicateIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The most similar indexed article (other than {@code id} itself) that {@code fingerprint} is a near
     * duplicate of; ties go to the earliest indexed. Empty for too-short bodies. Cost grows with the number
     * of articles sharing a band key, not with the size of the index.
     */
    public Optional<Match> findOriginal(String id, NearDuplicateFingerprint fingerprint) {
        Set<String> candidates = new HashSet<>();
        for (String band : fingerprint.bandKeys()) {
            Set<String> ids = idsByBand.get(band);
            if (ids != null) {
                candidates.addAll(ids);
            }
        }
        candidates.remove(id);
        String bestId = null;
        double bestSimilarity = -1;
        long bestSequence = Long.MAX_VALUE;
        for (String candidateId : candidates) {
            Entry candidate = byId.get(candidateId);
            if (!fingerprint.isNearDuplicateOf(candidate.fingerprint())) {
                continue;
            }
            double similarity = fingerprint.similarity(candidate.fingerprint());
            if (similarity > bestSimilarity || similarity == bestSimilarity && candidate.sequence() < bestSequence) {
                bestId = candidateId;
                bestSimilarity = similarity;
                bestSequence = candidate.sequence();
            }
        }
        return bestId == null ? Optional.empty() : Optional.of(new Match(bestId, bestSimilarity));
    }

    /** Indexes {@code fingerprint} under {@code id} (replacing an earlier one) and evicts beyond capacity. */
    public void add(String id, NearDuplicateFingerprint fingerprint) {
        remove(id);
        byId.put(id, new Entry(fingerprint, nextSequence++));
        for (String band : fingerprint.bandKeys()) {
            idsByBand.computeIfAbsent(band, b -> new HashSet<>()).add(id);
        }
        Iterator<Map.Entry<String, Entry>> oldest = byId.entrySet().iterator();
        while (byId.size() > capacity) {
            Map.Entry<String, Entry> eldest = oldest.next();
            oldest.remove();
            unindex(eldest.getKey(), eldest.getValue().fingerprint());
        }
    }

    /** Forgets {@code id}; returns whether it was indexed. */
    public boolean remove(String id) {
        Entry removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        unindex(id, removed.fingerprint());
        return true;
    }

    public int size() {
        return byId.size();
    }

    /** Number of distinct band keys held: a measure of index memory. */
    public int bandCount() {
        return idsByBand.size();
    }

    List<String> idsInInsertionOrder() {
        return new ArrayList<>(byId.keySet());
    }

    private void unindex(String id, NearDuplicateFingerprint fingerprint) {
        for (String band : fingerprint.bandKeys()) {
            Set<String> ids = idsByBand.get(band);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    idsByBand.remove(band);
                }
            }
        }
    }
}
