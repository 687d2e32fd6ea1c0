/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline duplicate detection for {@code newsflow enrich} and tests: decides for each article, in arrival
 * order, whether it is new or a copy of one seen before, looking at the cheapest evidence first:
 * canonical URL, then content hash (both exact), then the near-duplicate fingerprint.
 *
 * <p>Only new stories enter the fingerprint index, so a chain of edits is attributed to the first copy.
 * A duplicate's canonical URL and content hash are remembered as aliases of its original, so a third copy
 * identical to the second is still attributed to the first. Memory is bounded: each lookup table keeps the
 * most recent {@code capacity} entries. Checking an id again that is itself remembered as an original
 * returns NEW (a re-delivery is not a duplicate of itself).
 *
 * <p>Thread-compatible: not safe for concurrent use without external synchronisation.
 */
public final class DuplicateDetector {

    private static final Logger log = LoggerFactory.getLogger(DuplicateDetector.class);

    private final Map<String, String> originalByUrl;
    private final Map<String, String> originalByHash;
    private final NearDuplicateIndex index;

    public DuplicateDetector(int capacity) {
        this.originalByUrl = boundedMap(capacity);
        this.originalByHash = boundedMap(capacity);
        this.index = new NearDuplicateIndex(capacity);
    }

    /** Decides and remembers: the article becomes an original for later checks when it is new. */
    public Verdict check(ArticleKey article) {
        String id = article.id();
        Optional<String> canonicalUrl = UrlCanonicalizer.canonicalize(article.url());
        String contentHash = ContentHash.of(article.cleanBody());

        Verdict verdict = exactMatch(id, canonicalUrl, contentHash);
        NearDuplicateFingerprint fingerprint = null;
        if (verdict == null) {
            fingerprint = NearDuplicateFingerprint.of(article.cleanBody());
            verdict = index.findOriginal(id, fingerprint)
                    .<Verdict>map(m -> new Verdict.Duplicate(m.originalId(), Verdict.Kind.NEAR, m.similarity(),
                            MatchedOn.FINGERPRINT))
                    .orElse(Verdict.newStory());
        }

        String original = verdict instanceof Verdict.Duplicate ? ((Verdict.Duplicate) verdict).originalId() : id;
        canonicalUrl.ifPresent(url -> originalByUrl.putIfAbsent(url, original));
        originalByHash.putIfAbsent(contentHash, original);
        if (fingerprint != null && !verdict.isDuplicate()) {
            index.add(id, fingerprint);
        }
        log.debug("{} -> {}", id, verdict);
        return verdict;
    }

    private Verdict exactMatch(String id, Optional<String> canonicalUrl, String contentHash) {
        if (canonicalUrl.isPresent()) {
            String byUrl = originalByUrl.get(canonicalUrl.get());
            if (byUrl != null) {
                return byUrl.equals(id) ? Verdict.newStory()
                        : new Verdict.Duplicate(byUrl, Verdict.Kind.EXACT, 1.0, MatchedOn.CANONICAL_URL);
            }
        }
        String byHash = originalByHash.get(contentHash);
        if (byHash != null) {
            return byHash.equals(id) ? Verdict.newStory()
                    : new Verdict.Duplicate(byHash, Verdict.Kind.EXACT, 1.0, MatchedOn.CONTENT_HASH);
        }
        return null;
    }

    private static Map<String, String> boundedMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }
}
