package io.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.registry.RegistryServerConfig;
import io.newsflow.registry.SchemaRegistryServer;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.stages.CoreNlpEntityTagging;
import io.newsflow.streams.stages.EntityTagging;
import io.newsflow.text.clean.ArticleCleaner;

/**
 * {@code newsflow bench}: the end-to-end benchmark. On an embedded broker and schema registry it measures, in
 * one JVM and on the same {@link BenchCorpus} articles, (a) raw Kafka pass-through of the serialized records,
 * (b) the full pipeline under exactly_once_v2 with end-to-end latency from {@code fetchedAt} to the output
 * record's broker timestamp, (c) the same paced, and (d) the entity tagger alone with the same thread count,
 * just before and just after (b), once the warm-up has compiled the tagger as far as (b) will have it; then the
 * heap in use after a GC. The ratios pipeline / tagger-only and pipeline / raw Kafka say where the time goes.
 *
 * <p>The pipeline pass first runs a few warm-up articles through (the first exactly-once transactions on fresh
 * topics take seconds), then produces the whole corpus at once: its latency figures are therefore those of a
 * backlog being worked off, and its throughput that of a saturated pipeline. A paced pass then sends fresh
 * articles one at a time at half that throughput: its latency is the one a feed running below capacity sees.
 *
 * <pre>{@code
 * PipelineBenchResult result = new PipelineBenchmark(BenchOptions.defaults()).run();
 * System.out.print(result.table());
 * }</pre>
 */
public final class PipelineBenchmark {

    static {
        // Before the first logger exists: a standalone run gets quiet logging; inside the app this is a no-op.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/newsflow/bench/logback-bench.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);

    private final BenchOptions options;
    private final ExternalCluster cluster;

    /** On an embedded broker and registry started in this JVM. */
    public PipelineBenchmark(BenchOptions options) {
        this(options, null);
    }

    /** On {@code cluster}, or, if it is {@code null}, on an embedded broker and registry started in this JVM. */
    public PipelineBenchmark(BenchOptions options, ExternalCluster cluster) {
        this.options = options;
        this.cluster = cluster;
    }

    public PipelineBenchResult run() throws IOException, InterruptedException {
        TrustedModelClasses.register();
        Machine machine = Machine.describe();
        Instant startedAt = Instant.now();
        BenchCorpus corpus = BenchCorpus.generate(options.articles(), options.duplicateShare(),
                BenchCorpus.DEFAULT_SEED);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        int maxRecordBytes = new NewsflowConfig(Map.of()).maxRecordBytes();
        Duration timeout = timeout(options);
        Path stateDir = Files.createTempDirectory("newsflow-bench-state");
        try (Infrastructure infrastructure = Infrastructure.start(cluster)) {
            String bootstrap = infrastructure.bootstrapServers();
            String registryUrl = infrastructure.schemaRegistryUrl();

            String passThroughTopic = "bench-" + runId + ".pass-through";
            List<byte[][]> serialized = serialize(corpus.articles(), registryUrl, passThroughTopic);
            long valueBytes = serialized.stream().mapToLong(record -> record[1].length).sum();
            BenchTopics.create(bootstrap, options.partitions(), maxRecordBytes, List.of(passThroughTopic), List.of());
            LOG.info("(a) raw Kafka pass-through of {} records, {} MB", serialized.size(), valueBytes / 1_000_000);
            Throughput raw = new RawKafkaPassThrough(bootstrap, maxRecordBytes)
                    .measure(passThroughTopic, serialized, timeout);

            TimedTagging tagging = new TimedTagging(
                    options.tagger() ? CoreNlpEntityTagging.loadAndWarmUp() : EntityTagging.NONE);
            Function<BenchCorpus, TaggerOnlyRun> taggerOnlyOn = options.tagger()
                    ? articles -> new TaggerOnlyRun(tagging, cleaned(articles.articles()), options.threads()) : null;
            LOG.info("(b) full pipeline, exactly_once_v2; (d) tagger only, {} thread(s), just before and after it",
                    options.threads());
            PipelineRun.Outcome pipeline = new PipelineRun(bootstrap, registryUrl, options, stateDir, runId)
                    .run(corpus, warmUpCount(options), tagging, taggerOnlyOn, valueBytes, timeout);
            TaggerOnlyRun.Pass taggerOnly = pipeline.taggerOnlyBefore() == null ? null
                    : TaggerOnlyRun.Pass.combined(pipeline.taggerOnlyBefore(), pipeline.taggerOnlyAfter());

            PipelineBenchResult result = new PipelineBenchResult(startedAt.toString(),
                    cluster == null ? "embedded, in the benchmark's JVM" : cluster.bootstrapServers(), options.articles(),
                    options.threads(), options.partitions(), options.duplicateShare(), options.tagger(), machine,
                    Machine.currentLoadAverage(), raw, taggerOnly == null ? null : taggerOnly.throughput(),
                    pipeline.throughput(), pipeline.accounting(),
                    pipeline.latency(), pipeline.heapUsedAfterGcMb(),
                    taggerOnly == null ? null : PipelineBenchResult.medianRatio(pipeline.passes()),
                    ratio(pipeline.throughput(), raw),
                    pipeline.paced() == null ? null : pipeline.paced().ratePerSecond(),
                    pipeline.paced() == null ? null : pipeline.paced().latency(), pipeline.cpuMillisPerArticle(),
                    pipeline.streamThreadBusyShare(), pipeline.jitMillisDuringPass(), pipeline.streamThreadSplit(),
                    taggerOnly == null ? null : taggerOnly.cpuMillisPerArticle(),
                    taggerOnly == null ? null : pipeline.taggerOnlyBefore().throughput().perSecond(),
                    taggerOnly == null ? null : pipeline.taggerOnlyAfter().throughput().perSecond(),
                    pipeline.passes());
            if (options.jsonOut() != null) {
                result.writeJson(options.jsonOut());
                LOG.info("Wrote {}", options.jsonOut());
            }
            return result;
        } catch (TimeoutException e) {
            throw new IllegalStateException("Raw Kafka pass-through did not finish: " + e.getMessage(), e);
        } finally {
            deleteRecursively(stateDir);
            if (cluster != null) {
                // a cluster outlives the run: leave it as it was (the registry keeps the run's subjects)
                BenchTopics.deleteRun(cluster.bootstrapServers(), List.of("bench-" + runId + ".",
                        PipelineRun.applicationId(runId) + "-"));
            }
        }
    }

    /** The broker and registry of a run: started here and stopped after, or a cluster's, left running. */
    private record Infrastructure(String bootstrapServers, String schemaRegistryUrl, EmbeddedKafkaBroker broker,
            SchemaRegistryServer registry) implements AutoCloseable {

        static Infrastructure start(ExternalCluster cluster) throws IOException {
            if (cluster != null) {
                return new Infrastructure(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), null, null);
            }
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
            try {
                SchemaRegistryServer registry = SchemaRegistryServer.start(
                        RegistryServerConfig.defaults(broker.bootstrapServers()));
                return new Infrastructure(broker.bootstrapServers(), registry.url().toString(), broker, registry);
            } catch (IOException | RuntimeException e) {
                broker.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                if (registry != null) {
                    registry.close();
                }
            } finally {
                if (broker != null) {
                    broker.close();
                }
            }
        }
    }

    /**
     * Articles per warm-up round: a fifth of the corpus, 10 to 400. Profiled with JFR, a 2,000-article run with
     * 50 warm-up articles spent 44% of its CPU in the JIT compiler threads.
     */
    static int warmUpCount(BenchOptions options) {
        return Math.min(400, Math.max(10, options.articles() / 5));
    }

    /** Generous: tagging is about 48 articles/s per thread on an idle core, and much less on a busy machine. */
    static Duration timeout(BenchOptions options) {
        return Duration.ofSeconds(60).plusMillis(options.articles() * 250L / options.threads());
    }

    static double ratio(Throughput numerator, Throughput denominator) {
        return denominator.perSecond() == 0 ? 0 : numerator.perSecond() / denominator.perSecond();
    }

    private static List<byte[][]> serialize(List<RawArticle> articles, String registryUrl, String topic) {
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);
            Serializer<RawArticle> serializer = serde.serializer();
            Instant fetchedAt = Instant.now();
            List<byte[][]> records = new ArrayList<>(articles.size());
            for (RawArticle article : articles) {
                RawArticle stamped = RawArticle.newBuilder(article).setFetchedAt(fetchedAt).build();
                records.add(new byte[][] {article.getId().getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(topic, stamped)});
            }
            return records;
        }
    }

    /** What the tag stage sees: bodies after the clean stage (no source templates: a cold pipeline). */
    private static List<TaggerOnlyRun.CleanArticle> cleaned(List<RawArticle> articles) {
        ArticleCleaner cleaner = new ArticleCleaner();
        return articles.stream().map(article -> new TaggerOnlyRun.CleanArticle(
                article.getTitle() == null ? "" : article.getTitle(),
                cleaner.clean(article.getBody(), article.getContentType(), null).text())).toList();
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete benchmark state " + root, e);
        }
    }

    /** {@code java -cp ... io.newsflow.bench.PipelineBenchmark --articles=2000 --threads=1 --json=bench.json} */
    public static void main(String[] args) throws Exception {
        PipelineBenchResult result = new PipelineBenchmark(BenchOptions.parse(args)).run();
        System.out.print(result.table());
        if (!result.complete()) {
            System.exit(2);
        }
    }
}
