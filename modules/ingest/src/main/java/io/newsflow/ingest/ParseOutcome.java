package io.newsflow.ingest;

import io.newsflow.model.RawArticle;

/** What became of one input record: an article, or a reason it was refused. */
public sealed interface ParseOutcome {

    record Accepted(RawArticle article) implements ParseOutcome {
    }

    record Refused(RejectReason reason, String detail) implements ParseOutcome {
    }

    static ParseOutcome refused(RejectReason reason, String detail) {
        return new Refused(reason, detail);
    }
}
