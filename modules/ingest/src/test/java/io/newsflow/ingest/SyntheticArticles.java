package io.newsflow.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a JSON Lines file of made-up news articles for load tests, with a known share of bad lines
 * so that counting can be checked exactly: good line {@code i} has id {@code gen-i}.
 */
final class SyntheticArticles {

    private static final String[] PLACES = {"the harbour", "the valley", "the old town", "the airport", "the university"};
    private static final String[] EVENTS = {"a new ferry line", "road repairs", "a budget vote", "a music festival", "a data centre"};

    /** Counts of what was written. */
    record Written(long good, long bad, long bytes) {
    }

    private SyntheticArticles() {
    }

    /**
     * @param badEvery every n-th line (1-based) is invalid JSON; 0 for none
     * @param bodyBytes approximate body size
     */
    static Written write(Path file, int lines, int badEvery, int bodyBytes) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long good = 0;
        long bad = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= lines; i++) {
                if (badEvery > 0 && i % badEvery == 0) {
                    out.write("{\"id\":\"gen-" + i + "\",\"body\":\"cut off");
                    bad++;
                } else {
                    String place = PLACES[random.nextInt(PLACES.length)];
                    String event = EVENTS[random.nextInt(EVENTS.length)];
                    StringBuilder body = new StringBuilder(bodyBytes + 100);
                    while (body.length() < bodyBytes) {
                        body.append("Residents near ").append(place).append(" discussed ").append(event)
                                .append(" on day ").append(random.nextInt(365)).append(". ");
                    }
                    out.write("{\"id\":\"gen-" + i + "\",\"url\":\"https://synthetic-news.example/a/" + i
                            + "\",\"source\":\"Synthetic Times\",\"title\":\"Update on " + event + " at " + place
                            + "\",\"body\":\"" + body + "\",\"language\":\"en\",\"publishedAt\":\"2026-01-"
                            + String.format("%02d", 1 + i % 28) + "T06:00:00Z\"}");
                    good++;
                }
                out.write('\n');
            }
        }
        return new Written(good, bad, Files.size(file));
    }
}
