package io.newsflow.text.entities;

import java.util.Objects;

/**
 * One occurrence of an entity in the clean body: {@code body.substring(start, end)} equals {@code text}.
 */
public record EntityMention(String text, int start, int end) {

    public EntityMention {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
