package io.newsflow.text.entities;

import java.util.List;

/** One sentence of a CoNLL file: its words and the gold entity tag of each (last column). */
public record ConllSentence(List<String> words, List<String> tags) {

    public ConllSentence {
        words = List.copyOf(words);
        tags = List.copyOf(tags);
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + tags.size() + " tags");
        }
    }
}
