package io.newsflow.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.ingest.ArticleLoader;
import io.newsflow.ingest.KafkaArticleSink;
import io.newsflow.ingest.LoadSummary;
import io.newsflow.ingest.ProduceOptions;
import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.model.RawArticle;
import io.newsflow.model.RemovedBlock;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.stages.CoreNlpEntityTagging;
import io.newsflow.streams.stages.EntityTagging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow demo}: the whole product on the embedded default. Starts a broker and registry, the pipeline
 * and the producer, feeds the bundled sample corpus (or a file), waits until every input record landed in
 * exactly one output topic, prints a summary and writes each topic as JSON Lines.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run newsflow end to end on an embedded Kafka broker and schema registry: ingest the bundled",
                "sample corpus (or --input), process it, print a summary and write each output topic as JSON Lines."})
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    static final String SAMPLE = "/io/newsflow/app/samples/sample-articles.jsonl";

    @Option(names = {"-i", "--input"}, paramLabel = "FILE.jsonl",
            description = "Raw articles as JSON Lines (default: the bundled sample corpus).")
    Path input;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "newsflow-out",
            description = "Where enriched.jsonl, duplicates.jsonl and dead-letter.jsonl go (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = {"Partitions of the demo topics (default: ${DEFAULT-VALUE}: the sample's copies are then judged",
                    "in the order they were sent; with more, a copy read before its original may be kept)."})
    int partitions;

    @Option(names = "--no-tagger", description = "Skip entity tagging (faster start, no entities).")
    boolean noTagger;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up when the input is not accounted for within this time (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        out.println("Starting an embedded Kafka broker and schema registry…");
        Path stateDir = Files.createTempDirectory("newsflow-demo-state");
        try (LocalStack stack = LocalStack.start(null, 0, 0)) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(NewsflowConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
            settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            settings.put(NewsflowConfig.APPLICATION_ID, "newsflow-demo");
            settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
            settings.put(NewsflowConfig.TOPIC_PARTITIONS, partitions);
            settings.put(NewsflowConfig.TAGGER_ENABLED, !noTagger);
            NewsflowConfig config = new NewsflowConfig(settings);

            if (!noTagger) {
                out.println("Loading the entity tagger…");
            }
            EntityTagging tagging = noTagger ? EntityTagging.NONE : CoreNlpEntityTagging.loadAndWarmUp();
            try (NewsflowStreamsApp app = new NewsflowStreamsApp(config, tagging, PipelineMetrics.NONE).start();
                 OutputTopics outputs = new OutputTopics(config)) {
                awaitRunning(app, out);
                long ingestStarted = System.nanoTime();
                LoadSummary load = produce(config);
                out.printf("Produced %d article(s) to %s; %d input record(s) refused by the producer went to %s.%n",
                        load.sent(), config.topics().raw(), load.rejectedTotal(), config.topics().deadLetter());

                long expected = load.read();
                long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
                int reported = -1;
                while (outputs.total() < expected && System.nanoTime() < deadline) {
                    outputs.poll(Duration.ofMillis(500));
                    if (outputs.total() != reported) {
                        reported = outputs.total();
                        out.printf("  accounted for %d of %d%n", reported, expected);
                    }
                    if (app.fatalError() != null) {
                        throw new UserFacingException("the pipeline stopped: " + app.fatalError());
                    }
                }
                double seconds = (System.nanoTime() - ingestStarted) / 1e9;
                writeOutputs(outputs);
                printSummary(out, outputs, expected, seconds, (System.nanoTime() - started) / 1e9);
                if (outputs.total() != expected) {
                    out.printf("Only %d of %d input records were accounted for within %d s.%n", outputs.total(),
                            expected, timeoutSeconds);
                    return 1;
                }
                return 0;
            }
        } finally {
            deleteRecursively(stateDir);
        }
    }

    /**
     * Produces only once the pipeline runs, as a live feed would: copies then arrive in the order they were
     * sent. (Started on a backlog, tasks may read partitions out of timestamp order, and a copy read before its
     * original is kept as a second story rather than folded; see the dedup stage's notes.)
     */
    private void awaitRunning(NewsflowStreamsApp app, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (app.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            if (app.fatalError() != null || System.nanoTime() > deadline) {
                throw new UserFacingException("the pipeline did not start: state " + app.state()
                        + (app.fatalError() == null ? "" : ", " + app.fatalError()));
            }
            Thread.sleep(100);
        }
        out.println("Pipeline running; producing the input…");
    }

    private LoadSummary produce(NewsflowConfig config) throws IOException {
        ValueSerdes serdes = new ValueSerdes(config);
        Map<String, Object> producerConfig = new HashMap<>(KafkaArticleSink.defaults());
        producerConfig.put("bootstrap.servers", config.bootstrapServers());
        producerConfig.put("max.request.size", config.maxRecordBytes());
        ProduceOptions options = ProduceOptions.defaults().withMaxBodyBytes(config.maxRecordBytes() / 2)
                .withProgress(false);
        try (KafkaArticleSink sink = new KafkaArticleSink(producerConfig, config.topics().raw(),
                serdes.forValues(RawArticle.class).serializer());
             DeadLetterRejectSink rejects = new DeadLetterRejectSink(config)) {
            ArticleLoader loader = new ArticleLoader(sink, rejects, options);
            if (input != null) {
                return loader.load(List.of(input));
            }
            try (InputStream sample = DemoCommand.class.getResourceAsStream(SAMPLE)) {
                if (sample == null) {
                    throw new UserFacingException("the bundled sample corpus is missing from the classpath");
                }
                return loader.load("sample-articles.jsonl", sample);
            }
        }
    }

    private void writeOutputs(OutputTopics outputs) throws IOException {
        Files.createDirectories(outputDir);
        writeJsonLines(outputDir.resolve("enriched.jsonl"), outputs.enriched);
        writeJsonLines(outputDir.resolve("duplicates.jsonl"), outputs.duplicates);
        writeJsonLines(outputDir.resolve("dead-letter.jsonl"), outputs.deadLetters);
    }

    private static void writeJsonLines(Path file, List<?> records) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object record : records) {
                writer.write(RecordJson.toJsonLine(record));
                writer.newLine();
            }
        }
    }

    private void printSummary(PrintStream out, OutputTopics outputs, long expected, double pipelineSeconds,
            double totalSeconds) {
        out.println();
        out.printf("newsflow demo: %d input record(s), %d accounted for, in %.1f s (%.1f records/s through the "
                + "pipeline; %.1f s in all)%n", expected, outputs.total(), pipelineSeconds,
                outputs.total() / Math.max(pipelineSeconds, 1e-3), totalSeconds);
        Map<String, Long> kinds = outputs.duplicates.stream()
                .collect(Collectors.groupingBy(d -> d.getKind().name(), LinkedHashMap::new, Collectors.counting()));
        out.printf("  %-18s %5d%n", "news.enriched", outputs.enriched.size());
        out.printf("  %-18s %5d  %s%n", "news.duplicates", outputs.duplicates.size(), kinds);
        out.printf("  %-18s %5d%n", "news.dead-letter", outputs.deadLetters.size());

        long blocks = 0;
        long chars = 0;
        Map<String, Long> reasons = new HashMap<>();
        for (EnrichedArticle article : outputs.enriched) {
            for (RemovedBlock block : article.getRemovedBlocks()) {
                blocks++;
                chars += block.getText().length();
                reasons.merge(block.getReason(), 1L, Long::sum);
            }
        }
        out.printf("%nBoilerplate removed: %d block(s), %d characters; by reason: %s%n", blocks, chars,
                top(reasons, 8));

        Map<String, Long> entityArticles = new HashMap<>();
        for (EnrichedArticle article : outputs.enriched) {
            for (Entity entity : article.getEntities()) {
                entityArticles.merge(entity.getCanonical() + " (" + entity.getType() + ")", 1L, Long::sum);
            }
        }
        out.printf("Top entities (articles mentioning them): %s%n", top(entityArticles, 12));

        out.println(outputs.duplicates.isEmpty() ? "Duplicates: none" : "Duplicates:");
        Map<String, String> titles = outputs.enriched.stream().collect(Collectors.toMap(EnrichedArticle::getId,
                a -> a.getTitle() == null ? "" : a.getTitle(), (a, b) -> a));
        for (DuplicateArticle duplicate : outputs.duplicates) {
            out.printf("  %-14s %s of %-14s similarity %.2f on %s  (%s)%n", duplicate.getId(), duplicate.getKind(),
                    duplicate.getDuplicateOf(), duplicate.getSimilarity(), duplicate.getMatchedOn(),
                    titles.getOrDefault(duplicate.getDuplicateOf(), ""));
        }
        out.println(outputs.deadLetters.isEmpty() ? "Dead letters: none" : "Dead letters:");
        for (DeadLetter letter : outputs.deadLetters) {
            out.printf("  [%s] %s@%d: %s%n", letter.getStage(), letter.getSourceTopic(), letter.getOffset(),
                    letter.getErrorMessage());
        }
        out.printf("%nOutput written to %s (enriched.jsonl, duplicates.jsonl, dead-letter.jsonl)%n",
                outputDir.toAbsolutePath());
    }

    private static String top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }

}
