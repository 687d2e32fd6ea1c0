package io.newsflow.bench;

import java.util.List;

/** One story of the sample corpus, reduced to what the benchmark corpus is built from: its paragraphs. */
public record Story(String source, String title, List<String> paragraphs) {

    public Story {
        paragraphs = List.copyOf(paragraphs);
    }
}
