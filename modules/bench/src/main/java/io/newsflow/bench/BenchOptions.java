package io.newsflow.bench;

import java.nio.file.Path;

/**
 * What {@link PipelineBenchmark} runs: how many articles (copies included), stream threads (and tagger threads
 * in the tagger-only pass), partitions of every topic, the share of copies, whether entities are tagged, where
 * to write the JSON result ({@code null}: nowhere), and how long the paced pass at half the measured maximum
 * rate runs ({@code 0}: not at all).
 */
public record BenchOptions(int articles, int threads, int partitions, double duplicateShare, boolean tagger,
        Path jsonOut, int pacedSeconds, int passes) {

    /**
     * Pipeline passes, each between two tagger-only passes on its own articles: this VM's speed drifts by up to
     * two to one within a minute (tagger alone 168.8/s just before a pass, 328.3/s just after), so one pair
     * moves the ratio by a fifth either way; the median of three does not.
     */
    public static final int DEFAULT_PASSES = 3;

    /** Long enough for a few hundred latency samples at half of a tagging pipeline's rate. */
    public static final int DEFAULT_PACED_SECONDS = 60;

    /** Without a paced pass, one pipeline pass. */
    public BenchOptions(int articles, int threads, int partitions, double duplicateShare, boolean tagger,
            Path jsonOut) {
        this(articles, threads, partitions, duplicateShare, tagger, jsonOut, 0, 1);
    }

    /** One pipeline pass. */
    public BenchOptions(int articles, int threads, int partitions, double duplicateShare, boolean tagger,
            Path jsonOut, int pacedSeconds) {
        this(articles, threads, partitions, duplicateShare, tagger, jsonOut, pacedSeconds, 1);
    }

    /** About five minutes in all on two idle cores (5,000 measured no better: 1.00 and 0.78, 2026-12-05). */
    public static final int DEFAULT_ARTICLES = 2_000;

    public BenchOptions {
        if (articles < 1) {
            throw new IllegalArgumentException("articles must be at least 1, was " + articles);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (!(duplicateShare >= 0 && duplicateShare < 1)) {
            throw new IllegalArgumentException("duplicateShare must be in [0, 1), was " + duplicateShare);
        }
        if (pacedSeconds < 0) {
            throw new IllegalArgumentException("pacedSeconds must be 0 (no paced pass) or more, was " + pacedSeconds);
        }
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, was " + passes);
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions(DEFAULT_ARTICLES, 1, 4, 0.1, true, null, DEFAULT_PACED_SECONDS, DEFAULT_PASSES);
    }

    /**
     * Reads {@code --articles=N --threads=N --partitions=N --duplicate-share=X --tagger=true|false --json=FILE
     * --paced-seconds=N --passes=N};
     * anything not given keeps its default.
     */
    public static BenchOptions parse(String... args) {
        BenchOptions options = defaults();
        int articles = options.articles();
        int threads = options.threads();
        int partitions = options.partitions();
        double duplicateShare = options.duplicateShare();
        boolean tagger = options.tagger();
        Path jsonOut = options.jsonOut();
        int pacedSeconds = options.pacedSeconds();
        int passes = options.passes();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            String value = arg.substring(eq + 1);
            switch (arg.substring(2, eq)) {
                case "articles" -> articles = Integer.parseInt(value);
                case "threads" -> threads = Integer.parseInt(value);
                case "partitions" -> partitions = Integer.parseInt(value);
                case "duplicate-share" -> duplicateShare = Double.parseDouble(value);
                case "tagger" -> tagger = Boolean.parseBoolean(value);
                case "json" -> jsonOut = Path.of(value);
                case "paced-seconds" -> pacedSeconds = Integer.parseInt(value);
                case "passes" -> passes = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new BenchOptions(articles, threads, partitions, duplicateShare, tagger, jsonOut, pacedSeconds,
                passes);
    }
}
