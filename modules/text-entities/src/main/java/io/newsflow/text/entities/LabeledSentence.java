package io.newsflow.text.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence with one entity label per token ({@code null} outside entities). Labels are mutable so that
 * the document-level passes can correct them in place; instances never leave the tagger.
 */
final class LabeledSentence {

    private final List<ArticleToken> tokens;
    private final EntityType[] labels;

    LabeledSentence(List<ArticleToken> tokens, EntityType[] labels) {
        if (tokens.size() != labels.length) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + labels.length + " labels");
        }
        this.tokens = List.copyOf(tokens);
        this.labels = labels.clone();
    }

    int size() {
        return tokens.size();
    }

    ArticleToken token(int index) {
        return tokens.get(index);
    }

    String word(int index) {
        return tokens.get(index).word();
    }

    List<String> words() {
        List<String> words = new ArrayList<>(tokens.size());
        for (ArticleToken token : tokens) {
            words.add(token.word());
        }
        return words;
    }

    EntityType label(int index) {
        return labels[index];
    }

    void relabel(int from, int to, EntityType type) {
        for (int i = from; i < to; i++) {
            labels[i] = type;
        }
    }

    /**
     * Entity spans: maximal runs of tokens with the same label (the CRF emits no begin tags, so adjacent
     * same-type entities cannot be told apart, as in the CoNLL convention for IOB1 output).
     */
    List<EntitySpan> spans(int sentenceIndex) {
        List<EntitySpan> spans = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            EntityType type = labels[i];
            if (type == null) {
                i++;
                continue;
            }
            int from = i;
            while (i < labels.length && labels[i] == type) {
                i++;
            }
            spans.add(new EntitySpan(type, sentenceIndex, from, i));
        }
        return spans;
    }

    /** Words {@code from..to} joined by single spaces: the key under which repeated mentions are compared. */
    String phrase(int from, int to) {
        StringBuilder phrase = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                phrase.append(' ');
            }
            phrase.append(tokens.get(i).word());
        }
        return phrase.toString();
    }
}
