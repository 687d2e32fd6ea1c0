package io.newsflow.downstream;

/** Articles mentioning an entity in one window; times are ISO-8601, the end exclusive. */
public record WindowCount(String windowStart, String windowEnd, long count) {
}
