package io.newsflow.downstream;

import io.newsflow.model.SourceStats;

/** JSON form of one source's {@link SourceStats}; {@code lastSeenAt} is ISO-8601 or null. */
public record SourceStatsView(String source, long articles, long duplicates, long deadLetters, long rawChars,
                              long removedChars, double boilerplateShare, String lastSeenAt) {

    static SourceStatsView of(String source, SourceStats stats) {
        return new SourceStatsView(source, stats.getArticles(), stats.getDuplicates(), stats.getDeadLetters(),
                stats.getRawChars(), stats.getRemovedChars(), stats.getBoilerplateShare(),
                stats.getLastSeenAt() == null ? null : stats.getLastSeenAt().toString());
    }
}
