package io.newsflow.streams.internals;

import java.util.List;

import io.newsflow.model.EnrichedArticle;

/**
 * What reaches the verdict stage, keyed by article id: the article's draft (with how many votes to wait for),
 * the votes of one index partition, or one vote (a correction or twin notice). All travel through one
 * repartition topic so that they meet in the same task.
 */
public sealed interface DedupMessage {

    record Draft(EnrichedArticle article, int expectedVotes) implements DedupMessage {
    }

    record Vote(DedupVote vote) implements DedupMessage {
    }

    /** The votes of the article's keys that one index partition owns, answered together. */
    record Votes(List<DedupVote> votes) implements DedupMessage {

        public Votes {
            votes = List.copyOf(votes);
        }
    }

    /** A younger copy's answer to a correction, on its way back to the original's verdict. */
    record Answer(DedupVote vote) implements DedupMessage {
    }
}
