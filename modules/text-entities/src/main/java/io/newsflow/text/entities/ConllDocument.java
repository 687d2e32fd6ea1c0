package io.newsflow.text.entities;

import java.util.List;

/** The sentences between two {@code -DOCSTART-} lines: one news story. */
public record ConllDocument(List<ConllSentence> sentences) {

    public ConllDocument {
        sentences = List.copyOf(sentences);
    }
}
