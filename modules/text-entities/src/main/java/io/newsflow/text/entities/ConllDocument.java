package io.newsflow.text.entities;

import java.util.ArrayList;
import java.util.List;

/** The sentences between two {@code -DOCSTART-} lines: one news story. */
public record ConllDocument(List<ConllSentence> sentences) {

    public ConllDocument {
        sentences = List.copyOf(sentences);
    }

    /** Every word of the story, sentence after sentence: the story as one token sequence. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        sentences.forEach(sentence -> words.addAll(sentence.words()));
        return words;
    }
}
