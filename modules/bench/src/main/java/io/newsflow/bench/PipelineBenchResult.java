package io.newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One run of {@link PipelineBenchmark}: where the broker ran ({@code broker}: embedded, or a cluster's bootstrap
 * servers), the three passes, where the records went, latency, heap, and the two
 * ratios that say what the pipeline costs (pipeline / tagger-only, pipeline / raw Kafka).
 * {@code taggerOnly} and {@code pipelineToTagger} are {@code null} when the tagger was off, the paced figures
 * when there was no paced pass. {@code latencyMillis} is that of the saturated pass (a backlog being worked
 * off); {@code pacedLatencyMillis} that of articles sent one by one at half of its throughput.
 * {@code streamThreadBusyShare} is the stream threads' CPU time over the saturated pass divided by its wall time
 * (and by the thread count): near 1, the pipeline is bound by its own work; lower, its threads waited.
 * {@code jitMillisDuringPass} is the JIT compilers' time during that pass: large, the JVM was not yet warm.
 * {@code streamThreadSplit} gives the tagger's CPU per article, how busy its threads were and when they had
 * nothing to tag, and the stream threads' CPU outside tagging per record;
 * {@code taggerOnly} is the two tagger-only passes, run just before and just after the pipeline pass, taken
 * together ({@code taggerOnlyBeforePerSecond} and {@code taggerOnlyAfterPerSecond} each alone);
 * {@code taggerOnlyCpuMillisPerArticle} is the tagger's CPU time per article in them. All of these are of the
 * first saturated pass; {@code passes} lists every one (the first included), each with its own tagger-only
 * passes, and {@code pipelineToTagger} is the median of their ratios.
 */
public record PipelineBenchResult(String startedAt, String broker, int articles, int threads, int partitions,
        double duplicateShare, boolean tagger, Machine machine, String loadAverageAfter, Throughput rawKafka,
        Throughput taggerOnly, Throughput pipeline, Accounting accounting, LatencyPercentiles latencyMillis,
        double heapUsedAfterGcMb, Double pipelineToTagger, double pipelineToRawKafka, Double pacedRatePerSecond,
        LatencyPercentiles pacedLatencyMillis, double pipelineCpuMillisPerArticle, double streamThreadBusyShare,
        long jitMillisDuringPass, PipelineRun.StreamThreadSplit streamThreadSplit, Double taggerOnlyCpuMillisPerArticle,
        Double taggerOnlyBeforePerSecond, Double taggerOnlyAfterPerSecond, List<PipelineRun.PairedPass> passes) {

    /** Whether every pass accounted for every article. */
    public boolean complete() {
        return accounting.complete() && passes.stream().allMatch(pass -> pass.accounting().complete());
    }

    /** The median of the passes' pipeline / tagger-only ratios (of the middle two when they are even). */
    static double medianRatio(List<PipelineRun.PairedPass> passes) {
        double[] ratios = passes.stream().mapToDouble(PipelineRun.PairedPass::ratio).sorted().toArray();
        int middle = ratios.length / 2;
        return ratios.length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
    }

    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    /** A plain-text table for a terminal. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "newsflow pipeline benchmark, %s%n", startedAt));
        out.append(String.format(Locale.ROOT, "broker and schema registry: %s%n", broker));
        out.append(String.format(Locale.ROOT, "machine: %d cpus, %s, %s; load average %s (before) %s (after)%n",
                machine.processors(), machine.cpuModel(), machine.javaVersion(), machine.loadAverage(), loadAverageAfter));
        out.append(String.format(Locale.ROOT,
                "articles %d (%.0f%% copies), %d thread(s), %d partition(s), tagger %s, exactly_once_v2%n%n",
                articles, duplicateShare * 100, threads, partitions, tagger ? "on" : "off"));
        out.append(String.format(Locale.ROOT, "%-26s %12s %10s %10s%n", "pass", "per second", "seconds", "MB/s"));
        row(out, "raw Kafka (records)", rawKafka);
        if (taggerOnly != null) {
            row(out, "tagger only (articles)", taggerOnly);
            out.append(String.format(Locale.ROOT, "  (%.1f/s just before the pipeline pass, %.1f/s just after)%n",
                    taggerOnlyBeforePerSecond, taggerOnlyAfterPerSecond));
        }
        row(out, "pipeline (records)", pipeline);
        out.append(String.format(Locale.ROOT, "pipeline CPU per article (whole JVM: Streams, clients, JIT, GC%s): %.1f ms%n",
                broker.startsWith("embedded") ? ", broker, registry" : "", pipelineCpuMillisPerArticle));
        out.append(String.format(Locale.ROOT, "stream threads busy (CPU time / wall time): %.0f%%; JIT compilers"
                + " during the pass: %d ms%n", streamThreadBusyShare * 100, jitMillisDuringPass));
        if (tagger) {
            boolean taggerThreads = streamThreadSplit.taggerThreads() > 0;
            out.append(String.format(Locale.ROOT, "tagging: %.2f ms CPU per tagged article (tagger alone: %.2f), %s%n",
                    streamThreadSplit.taggingMillisPerArticle(),
                    taggerOnlyCpuMillisPerArticle == null ? 0 : taggerOnlyCpuMillisPerArticle,
                    taggerThreads ? String.format(Locale.ROOT, "on %d tagger thread(s), busy %.0f%% of the pass",
                            streamThreadSplit.taggerThreads(), streamThreadSplit.taggerThreadsBusyShare() * 100)
                            : "on the stream threads"));
            if (taggerThreads && streamThreadSplit.taggerIdle() != null) {
                // the rest of the time it was not busy, it had work but waited for a core
                TaggerIdleTime.Split idle = streamThreadSplit.taggerIdle();
                out.append(String.format(Locale.ROOT, "tagger threads with nothing to tag: %d ms (%.0f%% of the pass):"
                        + " %s%n", idle.totalMs(), idle.totalMs() / (pipeline.seconds() * 10), idle));
            }
            out.append(String.format(Locale.ROOT, "stream threads' CPU per record, tagging aside: %.2f ms%n",
                    streamThreadSplit.otherMillisPerRecord()));
            if (streamThreadSplit.runQueueMillisPerRecord() >= 0) {
                double wallMillisPerRecord = pipeline.seconds() * 1000 * threads / Math.max(1, pipeline.items());
                out.append(String.format(Locale.ROOT, "stream threads' wall time per record %.2f ms: %.2f on a core, "
                        + "%.2f ready but waiting for a core, %.2f waiting (%s)%n", wallMillisPerRecord,
                        wallMillisPerRecord * streamThreadBusyShare, streamThreadSplit.runQueueMillisPerRecord(),
                        Math.max(0, wallMillisPerRecord * (1 - streamThreadBusyShare)
                                - streamThreadSplit.runQueueMillisPerRecord()),
                        taggerThreads ? "commits, fetches, the tagger" : "commits, fetches"));
            }
        } else {
            out.append(String.format(Locale.ROOT, "stream threads' CPU per record: %.2f ms%n",
                    streamThreadSplit.otherMillisPerRecord()));
        }
        out.append(String.format(Locale.ROOT, "%naccounted %d of %d: enriched %d, duplicates %d, dead letters %d,"
                + " seen twice %d%n", accounting.accounted(), accounting.expected(), accounting.enriched(),
                accounting.duplicates(), accounting.deadLetters(), accounting.repeated()));
        out.append(String.format(Locale.ROOT, "copies in corpus %d, enriched along with their original %d%n",
                accounting.copiesInCorpus(), accounting.copiesEnrichedWithTheirOriginal()));
        out.append(String.format(Locale.ROOT,
                "latency fetchedAt -> output (ms), saturated backlog: p50 %d, p95 %d, p99 %d, max %d%n",
                latencyMillis.p50(), latencyMillis.p95(), latencyMillis.p99(), latencyMillis.max()));
        if (pacedLatencyMillis != null) {
            out.append(String.format(Locale.ROOT,
                    "latency fetchedAt -> output (ms), paced at %.1f/s (half of the above): p50 %d, p95 %d, p99 %d, "
                            + "max %d (%d articles)%n", pacedRatePerSecond, pacedLatencyMillis.p50(),
                    pacedLatencyMillis.p95(), pacedLatencyMillis.p99(), pacedLatencyMillis.max(),
                    pacedLatencyMillis.count()));
        }
        out.append(String.format(Locale.ROOT, "heap used after GC: %.0f MB%n", heapUsedAfterGcMb));
        if (pipelineToTagger != null) {
            out.append(String.format(Locale.ROOT, "pipeline / tagger-only: %.2f%s%n", pipelineToTagger,
                    passes.size() < 2 ? "" : passes.stream()
                            .map(pass -> String.format(Locale.ROOT, "%.2f (%.1f / %.1f)", pass.ratio(),
                                    pass.pipelinePerSecond(), pass.taggerOnlyPerSecond()))
                            .collect(java.util.stream.Collectors.joining(", ",
                                    " (median of " + passes.size() + " passes, each pipeline / tagger alone: ", ")"))));
        }
        out.append(String.format(Locale.ROOT, "pipeline / raw Kafka:   %.4f%n", pipelineToRawKafka));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Throughput throughput) {
        out.append(String.format(Locale.ROOT, "%-26s %12.1f %10.2f %10.2f%n", name, throughput.perSecond(),
                throughput.seconds(), throughput.megabytesPerSecond()));
    }
}
