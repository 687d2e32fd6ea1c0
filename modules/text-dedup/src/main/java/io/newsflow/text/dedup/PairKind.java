/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

/** How the second body of a {@link LabelledPair} relates to the first; the first seven are duplicates. */
public enum PairKind {
    HEADLINE_REWRITE(true),
    DROPPED_PARAGRAPH(true),
    ADDED_PARAGRAPH(true),
    CREDIT_LINE(true),
    WORD_SUBSTITUTIONS(true),
    WHITESPACE_AND_QUOTES(true),
    /** What a republishing outlet typically does at once: new headline, credit line, a cut, house style. */
    REPUBLISHED(true),
    SAME_EVENT_DIFFERENT_STORY(false),
    DIFFERENT_STORY(false);

    private final boolean duplicate;

    PairKind(boolean duplicate) {
        this.duplicate = duplicate;
    }

    public boolean isDuplicate() {
        return duplicate;
    }
}
