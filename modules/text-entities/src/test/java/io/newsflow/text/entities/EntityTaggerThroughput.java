package io.newsflow.text.entities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Throughput harness (not a test: timings are never asserted). Tags the seed article, cut to about 800
 * tokens, on one thread for a fixed time after warm-up and prints articles/s and tokens/s.
 *
 * <p>Run: {@code java -cp <test classpath> io.newsflow.text.entities.EntityTaggerThroughput [seconds] [--stock]}
 */
public final class EntityTaggerThroughput {

    private static final int TARGET_TOKENS = 800;

    private EntityTaggerThroughput() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20.0;
        boolean stock = args.length > 1 && args[1].equals("--stock");
        String article;
        try (InputStream in = EntityTaggerThroughput.class.getClassLoader()
                .getResourceAsStream("articles/000_170e36daf17d4de0.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String title = article.substring(0, article.indexOf('\n'));
        String body = article.substring(article.indexOf('\n') + 1);
        body = body.substring(0, body.indexOf("Leave a Comment")).strip();
        // the seed body is a little over 800 tokens: cut it at the paragraph that reaches 800
        ArticleTokenizer tokenizer = new ArticleTokenizer();
        int cut = body.length();
        int tokens = 0;
        for (List<ArticleToken> sentence : tokenizer.sentences(body)) {
            tokens += sentence.size();
            if (tokens >= TARGET_TOKENS) {
                cut = body.indexOf('\n', sentence.get(sentence.size() - 1).end());
                break;
            }
        }
        String text = cut < 0 ? body : body.substring(0, cut);
        int articleTokens = tokenizer.sentences(text).stream().mapToInt(List::size).sum();

        long loadStart = System.nanoTime();
        // --stock: sentence-by-sentence CRF without document steps, the reference for this machine's load
        EntityTagger tagger = stock ? EntityTagger.create(java.util.EnumSet.noneOf(ConsistencyStep.class))
                : EntityTagger.create();
        tagger.warmUp();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        for (int i = 0; i < 50; i++) {
            tagger.tag(title, text);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int articles = 0;
        while (System.nanoTime() < deadline) {
            tagger.tag(title, text);
            articles++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // CPU time of this thread: on a shared, oversubscribed machine wall time mostly measures the others
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT,
                "load+warm-up %.2f s; article %d tokens; %d articles in %.1f s wall: %.1f articles/s, %.0f tokens/s; "
                        + "per CPU second: %.1f articles/s, %.0f tokens/s; heap used %d MB of max %d MB%n",
                loadSeconds, articleTokens, articles, elapsed, articles / elapsed, articles * articleTokens / elapsed,
                articles / cpu, articles * articleTokens / cpu,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }
}
