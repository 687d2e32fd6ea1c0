/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.Objects;

/** Outcome of {@link DuplicateDetector#check(ArticleKey)}: a new story, or a later copy of one already seen. */
public sealed interface Verdict permits Verdict.New, Verdict.Duplicate {

    /** Exact copies (same page or same normalised body) versus near copies (edited body). */
    enum Kind { EXACT, NEAR }

    boolean isDuplicate();

    static Verdict newStory() {
        return New.INSTANCE;
    }

    /** First time this story is seen. */
    final class New implements Verdict {
        private static final New INSTANCE = new New();

        private New() {
        }

        @Override
        public boolean isDuplicate() {
            return false;
        }

        @Override
        public String toString() {
            return "NEW";
        }
    }

    /**
     * A copy of {@code originalId}.
     *
     * @param similarity 1.0 for exact duplicates, the estimated body similarity for near ones
     */
    record Duplicate(String originalId, Kind kind, double similarity, MatchedOn matchedOn) implements Verdict {

        public Duplicate {
            Objects.requireNonNull(originalId, "originalId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(matchedOn, "matchedOn");
        }

        @Override
        public boolean isDuplicate() {
            return true;
        }
    }
}
