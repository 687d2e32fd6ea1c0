package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.process.AmericanizeFunction;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class CachedWordFunctionTest {

    @Test
    void answersAsTheWrappedFunctionDoes() {
        AmericanizeFunction americanize = new AmericanizeFunction();
        CachedWordFunction cached = new CachedWordFunction(americanize, 100);
        List<String> words = List.of("colour", "Colour", "organisation", "centre", "theatre", "Labour", "Paris",
                "travelled", "", "defence", "colour", "organisation");

        for (String word : words) {
            assertThat(cached.apply(word)).as(word).isEqualTo(americanize.apply(word));
        }
        assertThat(cached.apply("colour")).isEqualTo("color"); // the wrapped function does change words
    }

    @Test
    void computesEachWordOnceAndStopsKeepingAtCapacity() {
        AtomicInteger calls = new AtomicInteger();
        Function<String, String> upper = word -> {
            calls.incrementAndGet();
            return word.toUpperCase(java.util.Locale.ROOT);
        };
        CachedWordFunction cached = new CachedWordFunction(upper, 2);

        cached.apply("kyiv");
        cached.apply("kyiv");
        cached.apply("moscow");
        assertThat(calls).hasValue(2);

        assertThat(cached.apply("berlin")).isEqualTo("BERLIN");
        assertThat(cached.apply("berlin")).isEqualTo("BERLIN");
        assertThat(calls).hasValue(4); // past capacity: computed each time, never kept
        assertThat(cached.size()).isEqualTo(2);
    }
}
