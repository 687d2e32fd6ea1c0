package io.newsflow.ingest;

import java.net.URI;
import java.time.Instant;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;

/**
 * The parts of an RSS item or Atom entry newsflow uses, and whether it carries the full article
 * or only a summary (in which case the page at {@link #link()} must be fetched).
 *
 * @param key      what the state file remembers: the guid / Atom id, else the link
 * @param content  full content ({@code content:encoded}, Atom content), or null
 * @param summary  description / Atom summary, or null
 */
record FeedItem(String key, String link, String title, String content, String contentType, String summary,
                Instant publishedAt) {

    static FeedItem from(SyndEntry entry) {
        String link = entry.getLink();
        String key = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : link;
        StringBuilder content = new StringBuilder();
        String type = ContentTypes.HTML;
        for (SyndContent part : entry.getContents()) {
            if (part.getValue() != null && !part.getValue().isBlank()) {
                content.append(part.getValue());
                if (part.getType() != null && part.getType().equalsIgnoreCase("text")) {
                    type = ContentTypes.PLAIN;
                }
            }
        }
        String summary = entry.getDescription() == null ? null : entry.getDescription().getValue();
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
        return new FeedItem(key, link, entry.getTitle(), content.length() == 0 ? null : content.toString(),
                type, summary, published);
    }

    boolean hasFullContent() {
        return content != null;
    }

    /** Only http(s) links are fetched: a feed must not make us read file: or other schemes. */
    boolean hasFetchableLink() {
        if (link == null || link.isBlank()) {
            return false;
        }
        try {
            String scheme = URI.create(link.strip()).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
