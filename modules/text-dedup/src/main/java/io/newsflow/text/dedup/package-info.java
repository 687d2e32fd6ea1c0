/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * Recognising the same story when it reaches newsflow more than once. Plain Java, no Kafka.
 *
 * <p>Three keys per article, cheapest first:
 * <ul>
 *   <li>{@link io.newsflow.text.dedup.UrlCanonicalizer}: the same page under different tracking parameters;</li>
 *   <li>{@link io.newsflow.text.dedup.ContentHash}: the same body with different typography;</li>
 *   <li>{@link io.newsflow.text.dedup.NearDuplicateFingerprint}: the same story edited (new headline, a cut,
 *       a credit line, copy-editing), found through its LSH band keys.</li>
 * </ul>
 * {@link io.newsflow.text.dedup.DuplicateDetector} combines them for offline use; the streams topology
 * keeps the same keys in state stores. {@link io.newsflow.text.dedup.DuplicatePairGenerator} and
 * {@link io.newsflow.text.dedup.DedupEvaluation} are the project's benchmark for the near-duplicate choice.
 */
package io.newsflow.text.dedup;
