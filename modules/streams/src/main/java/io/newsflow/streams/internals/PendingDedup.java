package io.newsflow.streams.internals;

import java.util.ArrayList;
import java.util.List;

/**
 * What the verdict stage knows of one article so far: whether its draft arrived (the draft itself is kept in a
 * store of its own, written once, so that each of the ~10 votes rewrites only this small record), the votes of
 * its dedup keys and any corrections. The verdict is taken when the draft and all {@code expectedVotes} key votes
 * are in; a new story then waits until {@code settlesAtMs} for corrections (0: not complete yet).
 */
public record PendingDedup(boolean hasDraft, int expectedVotes, List<DedupVote> votes, long firstSeenMs,
        long settlesAtMs) {

    public static PendingDedup empty(long nowMs) {
        return new PendingDedup(false, -1, List.of(), nowMs, 0L);
    }

    public PendingDedup withDraft(int expected) {
        return new PendingDedup(true, expected, votes, firstSeenMs, settlesAtMs);
    }

    public PendingDedup settlingUntil(long timeMs) {
        return new PendingDedup(hasDraft, expectedVotes, votes, firstSeenMs, timeMs);
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
        return new PendingDedup(hasDraft, expectedVotes, List.copyOf(more), firstSeenMs, settlesAtMs);
    }

    /**
     * The draft, every key's own vote and an answer to every twin notice are in (corrections do not count: they
     * are extra). Twin notices come before their key's own vote, so no notice can arrive after completion.
     */
    public boolean isComplete() {
        if (!hasDraft || votes.stream().filter(DedupVote::isOwnKeyVote).count() < expectedVotes) {
            return false;
        }
        for (DedupVote vote : votes) {
            if (vote.isTwin() && votes.stream().noneMatch(other -> other.dedupKey().equals(vote.awaitedAnswerKey()))) {
                return false;
            }
        }
        return true;
    }
}
