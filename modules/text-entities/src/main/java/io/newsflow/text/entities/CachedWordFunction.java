package io.newsflow.text.entities;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a CRF model's word function (CoNLL model: CoreNLP's Americanize, a dozen regular
 * expressions per word) makes of each word, since the same words come back in article after article.
 *
 * <p>Only for pure functions, whose answer depends on the word alone: then a remembered answer is the
 * answer. Bounded: past {@code capacity} distinct words, new words are computed each time and not kept.
 * Thread-safe.
 */
final class CachedWordFunction implements Function<String, String> {

    private final Function<String, String> function;
    private final int capacity;
    private final ConcurrentHashMap<String, String> answers = new ConcurrentHashMap<>();

    CachedWordFunction(Function<String, String> function, int capacity) {
        this.function = Objects.requireNonNull(function, "function");
        this.capacity = capacity;
    }

    @Override
    public String apply(String word) {
        String answer = answers.get(word);
        if (answer != null) {
            return answer;
        }
        answer = function.apply(word);
        if (answer != null && answers.size() < capacity) {
            answers.putIfAbsent(word, answer);
        }
        return answer;
    }

    int size() {
        return answers.size();
    }
}
