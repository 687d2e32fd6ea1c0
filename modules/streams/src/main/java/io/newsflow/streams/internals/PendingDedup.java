package io.newsflow.streams.internals;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.model.EnrichedArticle;

/**
 * What the verdict stage knows of one article so far: its draft (once it arrived) and the votes of its dedup
 * keys. The verdict is taken when the draft and all {@code expectedVotes} votes are in.
 */
public record PendingDedup(EnrichedArticle draft, int expectedVotes, List<DedupVote> votes, long firstSeenMs) {

    public static PendingDedup empty(long nowMs) {
        return new PendingDedup(null, -1, List.of(), nowMs);
    }

    public PendingDedup withDraft(EnrichedArticle article, int expected) {
        return new PendingDedup(article, expected, votes, firstSeenMs);
    }

    public PendingDedup withVote(DedupVote vote) {
        // One vote per key, the first: a replayed vote, or one of a re-sent copy, must not be counted twice.
        if (votes.stream().anyMatch(existing -> existing.dedupKey().equals(vote.dedupKey()))) {
            return this;
        }
        List<DedupVote> more = new ArrayList<>(votes);
        more.add(vote);
        return new PendingDedup(draft, expectedVotes, List.copyOf(more), firstSeenMs);
    }

    public boolean isComplete() {
        return draft != null && votes.size() >= expectedVotes;
    }
}
