package io.newsflow.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.newsflow.bench.BenchOptions;
import io.newsflow.bench.ExternalCluster;
import io.newsflow.bench.PipelineBenchResult;
import io.newsflow.bench.PipelineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench}: end-to-end throughput and latency, with the tagger-only and raw-Kafka ceilings. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline end to end on an embedded broker, or a cluster's (exactly_once_v2):",
                "throughput and p50/p95/p99 latency from fetchedAt, plus, in the same run,",
                "raw Kafka pass-through and the tagger alone on the same articles, and the",
                "ratios pipeline/tagger-only and pipeline/raw-Kafka."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", defaultValue = "" + BenchOptions.DEFAULT_ARTICLES,
            description = "Articles to send, copies included (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Stream threads, and as many tagger threads, in the pipeline and in the tagger-only pass "
                    + "(default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4",
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--duplicate-share", paramLabel = "X", defaultValue = "0.1",
            description = "Share of the articles that are copies (default: ${DEFAULT-VALUE}).")
    double duplicateShare;

    @Option(names = "--no-tagger", description = "Leave out entity tagging (and the tagger-only pass).")
    boolean noTagger;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-result.json",
            description = "Where the result is written as JSON (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(names = "--paced-seconds", paramLabel = "N", defaultValue = "60",
            description = "After the saturated pass, send at half the rate it reached for N seconds and report "
                    + "that latency; 0 skips it (default: ${DEFAULT-VALUE}).")
    int pacedSeconds;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "" + BenchOptions.DEFAULT_PASSES,
            description = "Saturated pipeline passes, each between two tagger-only passes on its own articles; the "
                    + "ratio pipeline / tagger-only is their median, as a machine's speed drifts "
                    + "(default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Run on this Kafka cluster (e.g. one started by `newsflow dev` in another terminal) instead "
                    + "of an embedded broker in the benchmark's own JVM; needs --schema-registry-url. The run's "
                    + "topics are deleted at the end.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "The schema registry of --bootstrap-servers' cluster.")
    String schemaRegistryUrl;

    @Override
    public Integer call() throws Exception {
        BenchOptions options;
        ExternalCluster cluster = null;
        try {
            options = new BenchOptions(articles, threads, partitions, duplicateShare, !noTagger, json, pacedSeconds,
                    passes);
            if (bootstrapServers != null || schemaRegistryUrl != null) {
                if (bootstrapServers == null || schemaRegistryUrl == null) {
                    throw new IllegalArgumentException(
                            "--bootstrap-servers and --schema-registry-url go together: give both, or neither for an "
                                    + "embedded broker and registry");
                }
                cluster = new ExternalCluster(bootstrapServers, schemaRegistryUrl);
            }
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        PipelineBenchResult result = new PipelineBenchmark(options, cluster).run();
        System.out.print(result.table());
        System.out.println("Result written to " + json.toAbsolutePath());
        return result.complete() ? 0 : 2;
    }
}
