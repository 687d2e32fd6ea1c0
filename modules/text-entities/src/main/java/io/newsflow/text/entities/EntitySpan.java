package io.newsflow.text.entities;

/** A run of tokens {@code [from, to)} of one sentence tagged with one entity type. */
record EntitySpan(EntityType type, int sentence, int from, int to) {

    int length() {
        return to - from;
    }
}
