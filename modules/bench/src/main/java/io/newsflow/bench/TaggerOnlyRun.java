package io.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.streams.stages.EntityTagging;

/**
 * The entity tagger alone on the benchmark's articles, already cleaned, with as many threads as the pipeline
 * has stream threads: what the pipeline could reach if tagging were its only cost. The benchmark runs it just
 * before and just after the measured pipeline pass, so that the machine's drift over minutes (this VM's speed
 * varies by a fifth) weighs on both sides of the ratio alike.
 */
final class TaggerOnlyRun {

    private static final Logger LOG = LoggerFactory.getLogger(TaggerOnlyRun.class);
    private static final String TAGGER_THREAD = "bench-tagger";

    /** A cleaned article: what the tag stage receives. */
    record CleanArticle(String title, String body) {
    }

    /** One pass: its throughput, and the tagger's CPU time per article in it. */
    record Pass(Throughput throughput, double cpuMillisPerArticle) {

        /** Both passes as one: all their articles over all their time. */
        static Pass combined(Pass first, Pass second) {
            Throughput a = first.throughput();
            Throughput b = second.throughput();
            long items = a.items() + b.items();
            double seconds = a.seconds() + b.seconds();
            double megabytes = a.megabytesPerSecond() * a.seconds() + b.megabytesPerSecond() * b.seconds();
            return new Pass(new Throughput(items, seconds, seconds > 0 ? items / seconds : 0,
                    seconds > 0 ? megabytes / seconds : 0),
                    (first.cpuMillisPerArticle() * a.items() + second.cpuMillisPerArticle() * b.items())
                            / Math.max(1, items));
        }
    }

    private final TimedTagging tagging;
    private final List<CleanArticle> articles;
    private final int threads;

    TaggerOnlyRun(TimedTagging tagging, List<CleanArticle> articles, int threads) {
        this.tagging = tagging;
        this.articles = List.copyOf(articles);
        this.threads = threads;
    }

    Pass measure() throws InterruptedException {
        TimedTagging.Usage before = tagging.usage();
        long processCpuBefore = PipelineRun.processCpuNanos();
        long jitBefore = PipelineRun.jitMillis();
        BusiestThreads others = BusiestThreads.start();
        Throughput throughput = measure(tagging, articles, threads);
        TimedTagging.Usage used = tagging.usage().since(before);
        // The rest of the process should be idle: broker housekeeping (log cleaner, RocksDB's native threads), JIT
        // or GC working now slow this pass and not the other one.
        LOG.info("tagger only: {} articles/s; meanwhile the rest of this JVM used {} ms of CPU ({} of it JIT) in {} ms",
                String.format(java.util.Locale.ROOT, "%.1f", throughput.perSecond()),
                Math.max(0, (PipelineRun.processCpuNanos() - processCpuBefore - used.cpuNanos()) / 1_000_000),
                PipelineRun.jitMillis() - jitBefore, Math.round(throughput.seconds() * 1000));
        LOG.info("tagger only: the busiest threads meanwhile: {}", others.top(8, TAGGER_THREAD));
        return new Pass(throughput, used.cpuMillisPerArticle());
    }

    private static Throughput measure(EntityTagging tagging, List<CleanArticle> articles, int threads)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, TAGGER_THREAD);
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
