package io.newsflow.text.entities;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Throughput harness (not a test: timings are never asserted). Tags the seed article, cut to about 800
 * tokens, on one thread for a fixed time after warm-up and prints articles/s and tokens/s.
 *
 * <p>Run: {@code java -cp <test classpath> io.newsflow.text.entities.EntityTaggerThroughput [seconds] [--stock]}
 */
public final class EntityTaggerThroughput {

    private EntityTaggerThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20.0;
        boolean stock = args.length > 1 && args[1].equals("--stock");
        ThroughputArticle article = ThroughputArticle.seed();

        long loadStart = System.nanoTime();
        // --stock: sentence-by-sentence CRF without document steps, the reference for this machine's load
        EntityTagger tagger = stock ? EntityTagger.create(EnumSet.noneOf(ConsistencyStep.class))
                : EntityTagger.create();
        tagger.warmUp();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        for (int i = 0; i < 50; i++) {
            tagger.tag(article.title(), article.body());
        }
        timeAndReport("newsflow EntityTagger" + (stock ? " --stock" : ""), loadSeconds, article.tokens(), seconds,
                () -> tagger.tag(article.title(), article.body()));
    }

    /** Runs {@code tagOnce} on this thread for {@code seconds} and reports, as {@link #report} says. */
    static void timeAndReport(String what, double loadSeconds, int articleTokens, double seconds, Runnable tagOnce) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int articles = 0;
        while (System.nanoTime() < deadline) {
            tagOnce.run();
            articles++;
        }
        report(what, loadSeconds, articleTokens, articles, (System.nanoTime() - start) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    /** CPU time of the timing thread too: on a shared, oversubscribed machine wall time mostly measures the others. */
    static void report(String what, double loadSeconds, int articleTokens, int articles, double elapsed, double cpu) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT,
                "%s: load+warm-up %.2f s; article %d tokens; %d articles in %.1f s wall: %.1f articles/s, %.0f tokens/s; "
                        + "per CPU second: %.1f articles/s, %.0f tokens/s; heap used %d MB of max %d MB%n",
                what, loadSeconds, articleTokens, articles, elapsed, articles / elapsed,
                articles * articleTokens / elapsed, articles / cpu, articles * articleTokens / cpu,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }
}
