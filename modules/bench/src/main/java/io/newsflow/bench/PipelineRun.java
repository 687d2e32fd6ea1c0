package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.RawArticle;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.Topics;
import io.newsflow.streams.ValueSerdes;

/**
 * The full newsflow pipeline, exactly-once, on the benchmark corpus: produces every article (stamping
 * {@code fetchedAt} as it sends), waits until each one is accounted on an output topic, and times it.
 */
final class PipelineRun {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    /**
     * The JIT compilers' queue took 75–110 s of pipeline work to drain on two cores (profiled: ~60 s of C2 time,
     * nearly all first compilations of distinct methods, a long tail rather than a loop).
     */
    static final Duration MAX_WARM_UP = Duration.ofSeconds(180);

    /**
     * Warm-up articles at least (within {@link #maxWarmUp}): HotSpot's C2 compiles a method once it has run about
     * 5,000 times, two or three times that while its queue is long, so methods that run once per article
     * (the clean and fingerprint processors, inlining 6–9 kB each) reach it only after some 10,000 articles.
     * Profiled with every compilation recorded, a warm-up that stopped at 7,600 articles (its JIT had gone quiet)
     * left C2 compiling for 3.4 s of the 9.7 s pass, 1.6 s of it on those three methods.
     */
    static final int MIN_WARM_UP_ARTICLES = 12_000;

    /** Warm-up time at most: 90 ms per corpus article, 10 s to {@link #MAX_WARM_UP}; a small run is a quick one. */
    static Duration maxWarmUp(int articles) {
        long millis = Math.max(10_000L, Math.min(MAX_WARM_UP.toMillis(), articles * 90L));
        return Duration.ofMillis(millis);
    }

    /**
     * What one run measured; {@code heapUsedAfterGcMb} is read while the pipeline is still up. {@code paced} is
     * null when there was no paced pass.
     */
    record Outcome(Throughput throughput, Accounting accounting, LatencyPercentiles latency, double heapUsedAfterGcMb,
            PacedPass paced, double cpuMillisPerArticle, double streamThreadBusyShare, long jitMillisDuringPass,
            StreamThreadSplit streamThreadSplit, TaggerOnlyRun.Pass taggerOnlyBefore,
            TaggerOnlyRun.Pass taggerOnlyAfter, List<PairedPass> passes) {
    }

    /**
     * One saturated pipeline pass with the tagger alone on the same articles just before and just after it
     * ({@code taggerOnlyPerSecond} both together; 0 without a tagger), and the ratio of the two (0 without a
     * tagger), with how its articles were accounted for and the stream threads' CPU time per record.
     */
    record PairedPass(double pipelinePerSecond, double taggerOnlyPerSecond, double ratio, Accounting accounting,
            double streamThreadMillisPerRecord) {

        static PairedPass of(Throughput pipeline, TaggerOnlyRun.Pass before, TaggerOnlyRun.Pass after,
                Accounting accounting, double streamThreadMillisPerRecord) {
            double alone = before == null ? 0 : TaggerOnlyRun.Pass.combined(before, after).throughput().perSecond();
            return new PairedPass(pipeline.perSecond(), alone, alone == 0 ? 0 : pipeline.perSecond() / alone,
                    accounting, streamThreadMillisPerRecord);
        }
    }

    /**
     * The stream threads' CPU time over the saturated pass, per record, and the tagger's: {@code
     * taggingMillisPerArticle} CPU per article tagged (on tagger threads, or on the stream threads when
     * {@code taggerThreads} is 0), {@code otherMillisPerRecord} the stream threads' CPU outside tagging (Kafka
     * clients, serdes, state stores, cleaning, dedup) per record in; {@code runQueueMillisPerRecord} is the time
     * they were ready to run but waited for a core (-1: unknown; known on Linux); {@code taggerThreadsBusyShare}
     * the tagger threads' tagging CPU over the pass's wall time (-1 when tagging ran on the stream threads): well
     * under 1, the tagger waited, either for work ({@code taggerIdle}: when it had nothing to tag; null when
     * tagging ran on the stream threads) or for a core.
     */
    record StreamThreadSplit(long taggedArticles, double taggingMillisPerArticle, double otherMillisPerRecord,
            double runQueueMillisPerRecord, int taggerThreads, double taggerThreadsBusyShare,
            TaggerIdleTime.Split taggerIdle) {

        /**
         * From the stream threads' CPU and run-queue time (-1: unknown) over {@code records}, the tagger's usage,
         * the pass's wall time and the pipeline's tagger threads.
         */
        static StreamThreadSplit of(long records, long streamThreadCpuNanos, TimedTagging.Usage tagging,
                long runQueueNanos, long elapsedNanos, int taggerThreads, TaggerIdleTime.Split taggerIdle) {
            double perRecord = 1e6 * Math.max(1, records);
            long onTaggerThreads = tagging.cpuNanos() - tagging.onStreamThreadsCpuNanos();
            return new StreamThreadSplit(tagging.articles(), tagging.cpuMillisPerArticle(),
                    (streamThreadCpuNanos - tagging.onStreamThreadsCpuNanos()) / perRecord,
                    runQueueNanos < 0 ? -1 : runQueueNanos / perRecord, taggerThreads,
                    taggerThreads == 0 ? -1 : onTaggerThreads / ((double) Math.max(1, elapsedNanos) * taggerThreads),
                    taggerThreads == 0 ? null : taggerIdle);
        }
    }

    /** The JIT compilers' accumulated time in this JVM, in ms (0 when the JVM does not say). */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0L;
    }

    /**
     * Sends rounds of {@code batch} fresh articles (new text each round, so that they are tagged rather than
     * folded as copies of an earlier round's; copies among themselves as in the corpus) and waits for each,
     * until {@link #MIN_WARM_UP_ARTICLES} went through and the JIT compilers worked less than a tenth of a round's
     * time, or for {@link #maxWarmUp} at most. Broker, Streams, serdes and tagger are a lot of code: with one
     * round of 200 articles, JFR showed the C2 compiler using 0.7 of this machine's two cores through the whole
     * measured pass (thousands of methods, none compiled twice: a long tail, not a loop), which then measured the
     * JIT rather than the pipeline. The first round also pays for the first transactions on fresh topics.
     */
    private void warmUp(KafkaProducer<String, RawArticle> producer, Topics topics, int maxRecordBytes,
            Deserializer<DeadLetter> deadLetters, int batch, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + maxWarmUp(options.articles()).toNanos();
        int sent = 0;
        for (int round = 1; batch > 0 && (round <= 2 || System.nanoTime() < deadline); round++) {
            List<RawArticle> articles = warmUpArticles(batch, round, options.duplicateShare());
            long started = System.nanoTime();
            long jitStarted = jitMillis();
            if (!send(producer, topics, maxRecordBytes, deadLetters, articles, 0, timeout).complete()) {
                throw new IllegalStateException("The pipeline did not process the " + articles.size()
                        + " warm-up articles of round " + round + " within " + timeout);
            }
            double wallMillis = (System.nanoTime() - started) / 1e6;
            long jit = jitMillis() - jitStarted;
            sent += articles.size();
            LOG.info("warm-up round {}: {} articles in {} ms, JIT compilers busy {} ms", round, articles.size(),
                    Math.round(wallMillis), jit);
            if (round > 1 && sent >= MIN_WARM_UP_ARTICLES && jit < wallMillis / 10) {
                return;
            }
        }
    }

    /**
     * CPU time of this whole JVM (pipeline, broker, registry and the benchmark's own clients): divided by the
     * articles, a cost that a busy machine does not distort the way it distorts throughput.
     */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** The latency of articles sent one by one at {@code ratePerSecond} (half the saturated throughput). */
    record PacedPass(double ratePerSecond, int articles, LatencyPercentiles latency) {
    }

    private final String bootstrapServers;
    private final String registryUrl;
    private final BenchOptions options;
    private final Path stateDir;
    private final String runId;

    PipelineRun(String bootstrapServers, String registryUrl, BenchOptions options, Path stateDir, String runId) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.options = options;
        this.stateDir = stateDir;
        this.runId = runId;
    }

    /**
     * Warms the pipeline up (see {@link #warmUp}), then starts the clock and produces the corpus; runs the tagger
     * alone on the same articles ({@code taggerOnlyOn}, unless {@code null}) just before and just after that pass,
     * the pipeline idle; then the further passes the options ask for, each on a corpus of its own between two
     * tagger-only passes, and the paced pass.
     */
    Outcome run(BenchCorpus corpus, int warmUpBatch, TimedTagging tagging,
            Function<BenchCorpus, TaggerOnlyRun> taggerOnlyOn, long valueBytes, Duration timeout)
            throws InterruptedException {
        TaggerOnlyRun taggerOnly = taggerOnlyOn == null ? null : taggerOnlyOn.apply(corpus);
        NewsflowConfig config = config();
        Topics topics = config.topics();
        BenchTopics.create(bootstrapServers, options.partitions(), config.maxRecordBytes(), List.of(topics.raw()),
                List.of(topics.enriched(), topics.duplicates(), topics.deadLetter()));
        ValueSerdes serdes = new ValueSerdes(config);
        Deserializer<DeadLetter> deadLetters = serdes.forValues(DeadLetter.class).deserializer();
        PipelineProbe probe = new PipelineProbe();
        try (NewsflowStreamsApp app = new NewsflowStreamsApp(config, tagging, probe).start();
             KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                     FeedProducer.properties(bootstrapServers, config.maxRecordBytes()), new StringSerializer(),
                     serdes.forValues(RawArticle.class).serializer())) {
            awaitRunning(app);
            warmUp(producer, topics, config.maxRecordBytes(), deadLetters, warmUpBatch, timeout);
            TaggerOnlyRun.Pass taggerOnlyBefore = taggerOnly == null ? null : taggerOnly.measure();
            long cpuStarted = processCpuNanos();
            StreamThreadCpu streamThreadCpu = StreamThreadCpu.start();
            TimedTagging.Usage taggingStarted = tagging.usage();
            // the stream threads have timed the warm-up articles' stages, so their native ids are known
            List<Integer> streamThreadIds = probe.nativeIds();
            long runQueueStarted = RunQueueDelay.nanos(streamThreadIds);
            long jitStarted = jitMillis();
            LOG.info("(b) pipeline pass: {} articles at once", corpus.size());
            Pass pass;
            TaggerIdleTime.Split idle;
            try (TaggerIdleTime taggerIdle = TaggerIdleTime.start(probe::taggerBacklog)) {
                pass = send(producer, topics, config.maxRecordBytes(), deadLetters, corpus.articles(), 0, timeout);
                idle = taggerIdle.stop(pass.startedAtNanos(), pass.finishedAtNanos());
            }
            LOG.info("(b) pipeline pass: done in {} ms", (pass.finishedAtNanos() - pass.startedAtNanos()) / 1_000_000);
            long cpuNanos = processCpuNanos() - cpuStarted;
            long elapsed = pass.finishedAtNanos() - pass.startedAtNanos();
            long streamThreadNanos = streamThreadCpu.elapsedCpuNanos();
            long runQueueEnded = RunQueueDelay.nanos(streamThreadIds);
            TimedTagging.Usage taggingUsed = tagging.usage().since(taggingStarted);
            double streamThreadBusy = streamThreadNanos / ((double) Math.max(1, elapsed) * options.threads());
            long jitDuringPass = jitMillis() - jitStarted;
            TaggerOnlyRun.Pass taggerOnlyAfter = taggerOnly == null ? null : taggerOnly.measure();

            Accounting accounting = pass.outputs().accounting(corpus.duplicateOf());
            if (!pass.complete()) {
                LOG.warn("Only {} of {} articles came out of the pipeline within {}", accounting.accounted(),
                        corpus.size(), timeout);
            }
            if (accounting.copiesEnrichedWithTheirOriginal() > 0) {
                Set<String> enriched = pass.outputs().enrichedIds();
                LOG.warn("{} copies were enriched as well as their original, e.g. {}",
                        accounting.copiesEnrichedWithTheirOriginal(), corpus.duplicateOf().entrySet().stream()
                                .filter(copy -> enriched.contains(copy.getKey()) && enriched.contains(copy.getValue()))
                                .limit(5).toList());
            }
            Throughput throughput = Throughput.of(accounting.accounted(), elapsed, valueBytes);
            List<PairedPass> passes = new ArrayList<>();
            passes.add(PairedPass.of(throughput, taggerOnlyBefore, taggerOnlyAfter, accounting,
                    streamThreadNanos / 1e6 / Math.max(1, accounting.accounted())));
            for (int more = 1; more < options.passes() && pass.complete(); more++) {
                passes.add(pairedPass(producer, topics, config.maxRecordBytes(), deadLetters, more, taggerOnlyOn,
                        timeout));
            }
            PacedPass paced = null;
            if (options.pacedSeconds() > 0 && pass.complete()) {
                paced = paced(producer, topics, config.maxRecordBytes(), deadLetters, throughput.perSecond() / 2,
                        timeout);
            }
            // Last: a paced pass right after this full collection stalled for 6 s once. JFR: G1 then grew the heap
            // from 0.8 to 1.6 GB, and the stream thread waited on the kernel zeroing fresh pages under its batches.
            double heap = heapUsedAfterGcMb();
            StreamThreadSplit split = StreamThreadSplit.of(accounting.accounted(), streamThreadNanos, taggingUsed,
                    runQueueStarted < 0 || runQueueEnded < 0 ? -1 : runQueueEnded - runQueueStarted, elapsed,
                    config.tagThreads(), idle);
            return new Outcome(throughput, accounting, latency(pass.fetchedAt(), pass.outputs().outputTimestamps()),
                    heap, paced, cpuNanos / 1e6 / Math.max(1, accounting.accounted()), streamThreadBusy,
                    jitDuringPass, split, taggerOnlyBefore, taggerOnlyAfter, List.copyOf(passes));
        }
    }

    /**
     * Pass {@code index} (from 0) of the saturated pipeline on a corpus of its own (new text, ids and URLs),
     * between two tagger-only passes on those articles.
     */
    private PairedPass pairedPass(KafkaProducer<String, RawArticle> producer, Topics topics, int maxRecordBytes,
            Deserializer<DeadLetter> deadLetters, int index, Function<BenchCorpus, TaggerOnlyRun> taggerOnlyOn,
            Duration timeout) throws InterruptedException {
        BenchCorpus corpus = BenchCorpus.generate(options.articles(), options.duplicateShare(),
                BenchCorpus.DEFAULT_SEED + 10 + index).withIdPrefix("pass-" + index);
        TaggerOnlyRun taggerOnly = taggerOnlyOn == null ? null : taggerOnlyOn.apply(corpus);
        TaggerOnlyRun.Pass before = taggerOnly == null ? null : taggerOnly.measure();
        LOG.info("(b) pipeline pass {} of {}: {} articles at once", index + 1, options.passes(), corpus.size());
        StreamThreadCpu streamThreadCpu = StreamThreadCpu.start();
        Pass pass = send(producer, topics, maxRecordBytes, deadLetters, corpus.articles(), 0, timeout);
        long streamThreadNanos = streamThreadCpu.elapsedCpuNanos();
        TaggerOnlyRun.Pass after = taggerOnly == null ? null : taggerOnly.measure();
        Accounting accounting = pass.outputs().accounting(corpus.duplicateOf());
        if (!pass.complete()) {
            LOG.warn("Pass {}: only {} of {} articles came out within {}", index + 1, accounting.accounted(),
                    corpus.size(), timeout);
        }
        PairedPass paired = PairedPass.of(Throughput.of(accounting.accounted(),
                pass.finishedAtNanos() - pass.startedAtNanos(), 0), before, after, accounting,
                streamThreadNanos / 1e6 / Math.max(1, accounting.accounted()));
        LOG.info("(b) pipeline pass {}: {} records/s, tagger alone {} articles/s, ratio {}; stream threads' CPU {} ms"
                + " per record (tagging included when on them)", index + 1,
                String.format(java.util.Locale.ROOT, "%.1f", paired.pipelinePerSecond()),
                String.format(java.util.Locale.ROOT, "%.1f", paired.taggerOnlyPerSecond()),
                String.format(java.util.Locale.ROOT, "%.2f", paired.ratio()),
                String.format(java.util.Locale.ROOT, "%.2f", paired.streamThreadMillisPerRecord()));
        return paired;
    }

    /**
     * What one pass sent and read: the collector (closed; its accounting and timestamps stay readable), each
     * article's {@code fetchedAt}, whether every article was accounted for, when the first was sent (the reader
     * already in place) and when the last was accounted for.
     */
    private record Pass(OutputCollector outputs, Map<String, Long> fetchedAt, boolean complete, long startedAtNanos,
            long finishedAtNanos) {
    }

    /**
     * Sends the articles (one each {@code intervalNanos}, 0: at once) and reads the output topics, from their
     * end, until each article is accounted for or {@code timeout} passes.
     */
    private Pass send(KafkaProducer<String, RawArticle> producer, Topics topics, int maxRecordBytes,
            Deserializer<DeadLetter> deadLetters, List<RawArticle> articles, long intervalNanos, Duration timeout)
            throws InterruptedException {
        // from the end: only this pass's outputs count, and the previous one has been accounted
        try (OutputCollector collector = new OutputCollector(bootstrapServers, maxRecordBytes, topics, deadLetters,
                articles.size(), true)) {
            Thread reader = start(collector);
            long started = System.nanoTime();
            Map<String, Long> fetchedAt = produce(producer, topics.raw(), articles, intervalNanos);
            boolean complete = collector.awaitComplete(timeout);
            long finished = complete ? collector.completedAtNanos() : System.nanoTime();
            collector.close();
            reader.join(Duration.ofSeconds(10).toMillis());
            return new Pass(collector, fetchedAt, complete, started, finished);
        }
    }

    /**
     * Sends fresh articles (copies included) one at a time at {@code rate} per second for the configured time,
     * so that each one's latency is the pipeline's own and not time spent queued behind a backlog.
     */
    private PacedPass paced(KafkaProducer<String, RawArticle> producer, Topics topics, int maxRecordBytes,
            Deserializer<DeadLetter> deadLetters, double rate, Duration timeout) throws InterruptedException {
        int count = (int) Math.max(10, Math.round(rate * options.pacedSeconds()));
        List<RawArticle> articles = renamed(BenchCorpus.generate(count, options.duplicateShare(),
                BenchCorpus.DEFAULT_SEED + 2).articles(), "paced");
        LOG.info("(c) paced: {} articles at {} per second", count, String.format(java.util.Locale.ROOT, "%.1f", rate));
        Pass pass = send(producer, topics, maxRecordBytes, deadLetters, articles, (long) (1e9 / rate), timeout);
        if (!pass.complete()) {
            LOG.warn("The paced pass did not complete within {}", timeout);
        }
        LOG.info("(c) paced: slowest articles (sent at, seconds into the pass: latency ms): {}",
                slowest(pass.fetchedAt(), pass.outputs().outputTimestamps(), 8));
        return new PacedPass(rate, count, latency(pass.fetchedAt(), pass.outputs().outputTimestamps()));
    }

    /**
     * The {@code count} slowest articles as "sent at: latency", in the order they were sent: slow articles sent
     * within a second of each other were held up by one stall, not each by its own cause.
     */
    static String slowest(Map<String, Long> fetchedAt, Map<String, Long> outputTimestamps, int count) {
        long start = fetchedAt.values().stream().mapToLong(Long::longValue).min().orElse(0L);
        return outputTimestamps.entrySet().stream()
                .filter(entry -> fetchedAt.containsKey(entry.getKey()))
                .map(entry -> new long[] {fetchedAt.get(entry.getKey()), entry.getValue() - fetchedAt.get(entry.getKey())})
                .sorted((a, b) -> Long.compare(b[1], a[1]))
                .limit(count)
                .sorted((a, b) -> Long.compare(a[0], b[0]))
                .map(slow -> String.format(java.util.Locale.ROOT, "%.1f s: %d", (slow[0] - start) / 1000.0, slow[1]))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The same articles under other ids and URLs, so that they are new to a pipeline that saw the corpus. */
    private static List<RawArticle> renamed(List<RawArticle> articles, String prefix) {
        return articles.stream()
                .map(article -> RawArticle.newBuilder(article)
                        .setId(prefix + "-" + article.getId())
                        .setUrl(article.getUrl().replace("/news/", "/" + prefix + "/"))
                        .build())
                .toList();
    }

    /**
     * Warm-up articles of one round: unlike the corpus and the other rounds in ids, URLs and text, with as many
     * copies as the corpus, so that the copies' path is compiled before the clock starts, too.
     */
    static List<RawArticle> warmUpArticles(int count, int round, double duplicateShare) {
        return renamed(BenchCorpus.generate(count, duplicateShare, BenchCorpus.DEFAULT_SEED + 100 + round).articles(),
                "warm-up-" + round);
    }

    private static Thread start(OutputCollector collector) {
        Thread reader = new Thread(collector, "bench-output-collector");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * Sends every article, one each {@code intervalNanos} (0: as fast as possible), stamping {@code fetchedAt} as
     * it goes; returns id to that stamp.
     */
    private static Map<String, Long> produce(KafkaProducer<String, RawArticle> producer, String topic,
            List<RawArticle> articles, long intervalNanos) throws InterruptedException {
        Map<String, Long> fetchedAt = new HashMap<>(articles.size() * 2);
        long next = System.nanoTime();
        for (RawArticle article : articles) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += intervalNanos;
            long now = System.currentTimeMillis();
            fetchedAt.put(article.getId(), now);
            producer.send(new ProducerRecord<>(topic, article.getId(),
                    RawArticle.newBuilder(article).setFetchedAt(Instant.ofEpochMilli(now)).build()));
        }
        producer.flush();
        return fetchedAt;
    }

    /** The pipeline's application id in run {@code runId}: also the prefix of its internal topics. */
    static String applicationId(String runId) {
        return "newsflow-bench-" + runId;
    }

    private NewsflowConfig config() {
        String prefix = "bench-" + runId + ".";
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(NewsflowConfig.APPLICATION_ID, applicationId(runId));
        settings.put(NewsflowConfig.TOPIC_RAW, prefix + "news.raw");
        settings.put(NewsflowConfig.TOPIC_ENRICHED, prefix + "news.enriched");
        settings.put(NewsflowConfig.TOPIC_DUPLICATES, prefix + "news.duplicates");
        settings.put(NewsflowConfig.TOPIC_DEAD_LETTER, prefix + "news.dead-letter");
        settings.put(NewsflowConfig.TOPIC_PARTITIONS, options.partitions());
        settings.put(NewsflowConfig.NUM_STREAM_THREADS, options.threads());
        settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
        settings.put(NewsflowConfig.TAGGER_ENABLED, options.tagger());
        settings.put(NewsflowConfig.PROCESSING_GUARANTEE, "exactly_once_v2");
        // -Dbench.set.<newsflow setting>=value tries a setting (e.g. commit.interval.ms) without a rebuild.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.set."))
                .forEach(name -> settings.put(name.substring("bench.set.".length()), System.getProperty(name)));
        return new NewsflowConfig(settings);
    }

    // Not a test wait: the benchmark must not start its clock before Streams owns its partitions.
    private static void awaitRunning(NewsflowStreamsApp app) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (app.state() == KafkaStreams.State.ERROR || app.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams did not reach RUNNING (state " + app.state() + ")",
                        app.fatalError());
            }
            Thread.sleep(50);
        }
    }

    static LatencyPercentiles latency(Map<String, Long> fetchedAt, Map<String, Long> outputTimestamps) {
        long[] samples = outputTimestamps.entrySet().stream()
                .filter(entry -> fetchedAt.containsKey(entry.getKey()))
                .mapToLong(entry -> Math.max(0, entry.getValue() - fetchedAt.get(entry.getKey())))
                .toArray();
        return LatencyPercentiles.of(samples);
    }

    // An explicit collection so the figure is live data (broker, registry, Streams, tagger), not garbage.
    private static double heapUsedAfterGcMb() {
        ManagementFactory.getMemoryMXBean().gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
