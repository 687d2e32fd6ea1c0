/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

/** Which evidence identified a duplicate; {@link #label()} is the value for {@code DuplicateArticle.matchedOn}. */
public enum MatchedOn {
    CANONICAL_URL("canonical-url"),
    CONTENT_HASH("content-hash"),
    FINGERPRINT("fingerprint");

    private final String label;

    MatchedOn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
