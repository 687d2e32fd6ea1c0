package io.newsflow.ingest;

/** Names of the record headers the producer sets on news.raw, so consumers can trace an article back. */
public final class IngestHeaders {

    /** Publisher or feed name. */
    public static final String SOURCE = "newsflow.source";
    /** URL of the feed the article came from. */
    public static final String FEED = "newsflow.feed";
    /** File (or {@code -} for stdin) the article was read from. */
    public static final String INGEST_FILE = "newsflow.ingest-file";

    private IngestHeaders() {
    }
}
