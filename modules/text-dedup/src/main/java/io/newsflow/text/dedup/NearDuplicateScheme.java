/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.List;

/**
 * A way of fingerprinting clean bodies so that near duplicates can be found through shared band keys and
 * confirmed by a similarity threshold. Two implementations are measured against each other by
 * DedupEvaluation; {@link NearDuplicateFingerprint} uses the winner.
 *
 * @param <F> the fingerprint value stored per article
 */
public interface NearDuplicateScheme<F> {

    /** Short description including the parameters, for reports. */
    String name();

    F fingerprint(String cleanBody);

    /** Too few words to judge by fingerprint: such bodies only match exactly. */
    boolean isTooShort(F fingerprint);

    /** Index keys; two fingerprints are compared only when they share at least one. Empty when too short. */
    List<String> bandKeys(F fingerprint);

    /** Estimated similarity of the two bodies, 0..1. */
    double similarity(F a, F b);

    /** The tuned decision: similar enough to be the same story. Always false when either is too short. */
    boolean isNearDuplicate(F a, F b);

    /** Bytes needed to store one fingerprint. */
    int storedBytes();
}
