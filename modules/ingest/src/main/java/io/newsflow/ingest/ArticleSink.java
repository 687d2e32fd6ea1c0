package io.newsflow.ingest;

import java.util.Map;

import io.newsflow.model.RawArticle;

/**
 * Where ingested articles go. Loaders and pollers only talk to this interface so that they can be
 * tested without a broker; {@link KafkaArticleSink} is the production implementation.
 */
public interface ArticleSink extends AutoCloseable {

    /**
     * Hands one article over. Implementations may send asynchronously; failures surface in
     * {@link #flush()}.
     *
     * @param headers transport headers such as {@link IngestHeaders#SOURCE}; never null
     */
    void accept(RawArticle article, Map<String, String> headers);

    /** Blocks until everything accepted so far is durable, or throws if any of it failed. */
    void flush();

    @Override
    void close();
}
