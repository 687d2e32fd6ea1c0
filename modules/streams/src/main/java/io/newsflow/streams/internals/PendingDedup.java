package io.newsflow.streams.internals;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.model.EnrichedArticle;

/**
 * What the verdict stage knows of one article so far: its draft (once it arrived), the votes of its dedup keys
 * and any corrections. The verdict is taken when the draft and all {@code expectedVotes} key votes are in; a new
 * story then waits until {@code settlesAtMs} for corrections before it is emitted (0: not complete yet).
 */
public record PendingDedup(EnrichedArticle draft, int expectedVotes, List<DedupVote> votes, long firstSeenMs,
        long settlesAtMs) {

    public static PendingDedup empty(long nowMs) {
        return new PendingDedup(null, -1, List.of(), nowMs, 0L);
    }

    public PendingDedup withDraft(EnrichedArticle article, int expected) {
        return new PendingDedup(article, expected, votes, firstSeenMs, settlesAtMs);
    }

    public PendingDedup settlingUntil(long timeMs) {
        return new PendingDedup(draft, expectedVotes, votes, firstSeenMs, timeMs);
    }

    public boolean isSettling() {
        return settlesAtMs > 0;
    }

    public PendingDedup withVote(DedupVote vote) {
        // One vote per key, the first: a replayed vote, or one of a re-sent copy, must not be counted twice.
        if (votes.stream().anyMatch(existing -> existing.dedupKey().equals(vote.dedupKey()))) {
            return this;
        }
        List<DedupVote> more = new ArrayList<>(votes);
        more.add(vote);
        return new PendingDedup(draft, expectedVotes, List.copyOf(more), firstSeenMs, settlesAtMs);
    }

    /** The draft and every key's own vote are in (corrections do not count: they are extra). */
    public boolean isComplete() {
        return draft != null && votes.stream().filter(vote -> !vote.isCorrection()).count() >= expectedVotes;
    }
}
