package io.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.newsflow.streams.stages.EntityTagging;

/**
 * The entity tagger alone on the benchmark's articles, already cleaned, with as many threads as the pipeline
 * has stream threads: what the pipeline could reach if tagging were its only cost.
 */
final class TaggerOnlyRun {

    /** A cleaned article: what the tag stage receives. */
    record CleanArticle(String title, String body) {
    }

    private TaggerOnlyRun() {
    }

    static Throughput measure(EntityTagging tagging, List<CleanArticle> articles, int threads)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bench-tagger");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            LongAdder entities = new LongAdder();
            long bytes = articles.stream().mapToLong(article -> article.body().length()).sum();
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
                        CleanArticle article = articles.get(i);
                        entities.add(tagging.tag(article.title(), article.body()).size());
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long elapsed = System.nanoTime() - started;
            if (entities.sum() == 0 && !articles.isEmpty()) {
                throw new IllegalStateException("The tagger found no entity in " + articles.size() + " articles");
            }
            return Throughput.of(articles.size(), elapsed, bytes);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Tagging failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
