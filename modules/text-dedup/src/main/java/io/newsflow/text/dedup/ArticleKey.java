/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.Objects;

/**
 * The parts of an article that duplicate detection looks at.
 *
 * @param id        the article's id (unique per fetched copy)
 * @param url       the URL it was fetched from; may be null
 * @param cleanBody the body after boilerplate removal; may be empty, never null
 */
public record ArticleKey(String id, String url, String cleanBody) {

    public ArticleKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cleanBody, "cleanBody");
    }
}
