package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.newsflow.model.RawArticle;

/** Keeps everything it is given in memory: for tests and for dry runs that want to inspect output. */
public final class CollectingArticleSink implements ArticleSink {

    /** One accepted article with the headers it was sent with. */
    public record Sent(RawArticle article, Map<String, String> headers) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private int flushes;
    private boolean closed;

    @Override
    public synchronized void accept(RawArticle article, Map<String, String> headers) {
        if (closed) {
            throw new IllegalStateException("sink is closed");
        }
        sent.add(new Sent(article, Map.copyOf(headers)));
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<RawArticle> articles() {
        return sent.stream().map(Sent::article).toList();
    }

    public synchronized int flushes() {
        return flushes;
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
