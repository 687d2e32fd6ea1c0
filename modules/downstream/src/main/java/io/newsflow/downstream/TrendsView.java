package io.newsflow.downstream;

import java.util.List;

/**
 * Answer of {@code GET /trends}: the top entities of one window, across all instances. Times are ISO-8601;
 * {@code windowStart} and {@code windowEnd} are null when nothing has been counted yet.
 */
public record TrendsView(String window, String windowStart, String windowEnd, String type, List<TrendEntry> entities) {
}
