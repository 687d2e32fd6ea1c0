package io.newsflow.streams;

import java.util.List;

/** The names of newsflow's external topics, from configuration (never literals scattered in the code). */
public record Topics(String raw, String enriched, String duplicates, String deadLetter) {

    public static Topics defaults() {
        return new Topics("news.raw", "news.enriched", "news.duplicates", "news.dead-letter");
    }

    public List<String> all() {
        return List.of(raw, enriched, duplicates, deadLetter);
    }
}
