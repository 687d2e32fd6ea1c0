/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

/**
 * Two clean bodies and whether they are the same story, with the edit (or the kind of difference) that
 * produced the second from the first.
 */
public record LabelledPair(String first, String second, PairKind kind, String description) {

    public boolean isDuplicate() {
        return kind.isDuplicate();
    }
}
