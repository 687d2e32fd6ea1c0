package io.newsflow.text.entities;

import java.util.List;

/** A typed entity mention in the body before mentions are merged into entities. */
record BodyMention(EntityType type, List<String> words, int start, int end, String text) {

    BodyMention {
        words = List.copyOf(words);
    }

    EntityMention toMention() {
        return new EntityMention(text, start, end);
    }
}
