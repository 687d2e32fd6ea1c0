package io.newsflow.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param url  the RSS 2.0 or Atom document
 * @param name publisher name put in {@code source}; defaults to the feed's host
 */
public record FeedSubscription(URI url, String name) {

    public FeedSubscription {
        Objects.requireNonNull(url, "url");
        if (name == null || name.isBlank()) {
            name = url.getHost();
        }
    }

    public static FeedSubscription of(String url) {
        return new FeedSubscription(URI.create(url.strip()), null);
    }

    /** Parses a feed list line: {@code URL} or {@code URL name}; blank lines and {@code #} comments give null. */
    public static FeedSubscription parseListLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        String[] parts = trimmed.split("\\s+", 2);
        URI url = URI.create(parts[0]);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("feed URL needs a scheme and host: " + parts[0]);
        }
        return new FeedSubscription(url, parts.length > 1 ? parts[1] : null);
    }

    /** Reads a feed list file: one {@code URL [name]} per line, {@code #} comments allowed. */
    public static List<FeedSubscription> readList(Path file) throws IOException {
        List<FeedSubscription> feeds = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            try {
                FeedSubscription feed = parseListLine(line);
                if (feed != null) {
                    feeds.add(feed);
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + number + ": not a feed URL: " + line.strip(), e);
            }
        }
        return feeds;
    }
}
