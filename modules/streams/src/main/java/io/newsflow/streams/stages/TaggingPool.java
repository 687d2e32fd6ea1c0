package io.newsflow.streams.stages;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.newsflow.model.Entity;

/**
 * Where the tag stage runs the tagger: on threads of its own ({@link #threads}), so that a stream thread goes on
 * reading, deduplicating, committing and waiting on Kafka while articles are tagged, or {@link #inline} on the
 * stream thread itself. One pool serves every stream thread of an instance, like the tagger.
 */
public final class TaggingPool implements AutoCloseable {

    private final EntityTagging tagging;
    private final ExecutorService executor;
    private final int threads;
    private final AtomicInteger backlog = new AtomicInteger();

    private TaggingPool(EntityTagging tagging, ExecutorService executor, int threads) {
        this.tagging = tagging;
        this.executor = executor;
        this.threads = threads;
    }

    /** Tags on the calling thread: every future is complete when {@link #submit} returns. */
    public static TaggingPool inline(EntityTagging tagging) {
        return new TaggingPool(tagging, null, 0);
    }

    /** Tags on {@code threads} daemon threads named {@code newsflow-tagger-N}; 0 is {@link #inline}. */
    public static TaggingPool threads(EntityTagging tagging, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 or more: " + threads);
        }
        if (threads == 0) {
            return inline(tagging);
        }
        AtomicInteger counter = new AtomicInteger();
        // Unbounded queue: the tag stage bounds what each task has in flight, and its queue store holds the same.
        ExecutorService executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "newsflow-tagger-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        return new TaggingPool(tagging, executor, threads);
    }

    /**
     * The entities of one article; completed exceptionally when the tagger throws, and with a
     * {@link CancellationException} when the pool was closed before the article's turn.
     */
    public CompletableFuture<List<Entity>> submit(String title, String cleanBody) {
        if (executor == null) {
            try {
                return CompletableFuture.completedFuture(tagging.tag(title, cleanBody));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Job job = new Job(title, cleanBody);
        backlog.incrementAndGet();
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            job.cancel();
        }
        return job.entities;
    }

    /**
     * One article's tagging. It leaves the backlog before its future completes, so whoever sees the future done
     * sees the backlog without it; the pool cancels it when it stops before running it.
     */
    private final class Job implements Runnable {

        private final String title;
        private final String cleanBody;
        private final CompletableFuture<List<Entity>> entities = new CompletableFuture<>();

        private Job(String title, String cleanBody) {
            this.title = title;
            this.cleanBody = cleanBody;
        }

        @Override
        public void run() {
            List<Entity> tagged;
            try {
                tagged = tagging.tag(title, cleanBody);
            } catch (RuntimeException e) {
                backlog.decrementAndGet();
                entities.completeExceptionally(e);
                return;
            }
            backlog.decrementAndGet();
            entities.complete(tagged);
        }

        private void cancel() {
            backlog.decrementAndGet();
            entities.completeExceptionally(new CancellationException("The tagger threads were stopped"));
        }
    }

    /** Articles submitted to the threads and not tagged yet (queued or being tagged); 0 when inline. */
    public int backlog() {
        return backlog.get();
    }

    /** 0 when tagging runs on the stream threads. */
    public int threads() {
        return threads;
    }

    /** Stops the threads; articles still queued are not tagged (the tag stage's store still holds them). */
    @Override
    public void close() {
        if (executor != null) {
            for (Runnable queued : executor.shutdownNow()) {
                ((Job) queued).cancel();
            }
        }
    }
}
