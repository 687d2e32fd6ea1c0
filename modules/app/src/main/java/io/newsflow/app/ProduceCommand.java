package io.newsflow.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.ingest.ArticleLoader;
import io.newsflow.ingest.ArticleSink;
import io.newsflow.ingest.FeedPoller;
import io.newsflow.ingest.FeedSubscription;
import io.newsflow.ingest.KafkaArticleSink;
import io.newsflow.ingest.LoadSummary;
import io.newsflow.ingest.ProduceOptions;
import io.newsflow.ingest.RejectSink;
import io.newsflow.ingest.RejectsFile;
import io.newsflow.model.RawArticle;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.TopicProvisioner;
import io.newsflow.streams.ValueSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsflow produce}: files, directories, stdin or RSS/Atom feeds onto {@code news.raw}. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Send raw articles to Kafka: JSON Lines files or stdin ('-'), directories of .txt/.html/.json",
                "files, or RSS/Atom feeds polled on an interval. Refused input is reported with file, line and",
                "reason and written to a rejects file (or the dead-letter topic). Exit status 2 when anything",
                "was refused."})
final class ProduceCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProduceCommand.class);

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "JSON Lines files, directories, or '-' for stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll; repeatable.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--feeds-file", paramLabel = "FILE", description = "A file listing feed URLs, one per line.")
    Path feedsFile;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "300",
            description = "Seconds between feed polls (default: ${DEFAULT-VALUE}).")
    long pollIntervalSeconds;

    @Option(names = "--once", description = "Poll the feeds once and exit.")
    boolean once;

    @Option(names = "--feed-state", paramLabel = "FILE", defaultValue = ".newsflow/feed-state.json",
            description = "Remembers feed items already sent, across restarts (default: ${DEFAULT-VALUE}).")
    Path feedState;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "At most N records per second (0: no limit).")
    double rate;

    @Option(names = "--dry-run", description = "Validate and count, send nothing.")
    boolean dryRun;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where refused input goes (default: <first input>.rejects.jsonl).")
    Path rejectsFile;

    @Option(names = "--dead-letter-topic", description = "Send refused input to the dead-letter topic instead of a file.")
    boolean toDeadLetterTopic;

    @Option(names = "--source", paramLabel = "NAME", description = "Source for articles that name none.")
    String defaultSource;

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty() && feeds.isEmpty() && feedsFile == null) {
            throw new UserFacingException("nothing to produce: give files, a directory, '-' for stdin, or --feed URL");
        }
        NewsflowConfig config = options.load(Map.of());
        ProduceOptions produceOptions = ProduceOptions.defaults().withRate(rate).withDryRun(dryRun)
                .withRejectsFile(rejectsFile).withDefaultSource(defaultSource)
                .withMaxBodyBytes(config.maxBodyBytes());
        if (!dryRun && config.createTopics()) {
            TopicProvisioner.ensureTopics(config, config.startupTimeoutMs());
        }
        try (ArticleSink sink = dryRun ? new DiscardingSink() : kafkaSink(config)) {
            if (!inputs.isEmpty()) {
                return load(config, produceOptions, sink);
            }
            return pollFeeds(sink);
        }
    }

    private int load(NewsflowConfig config, ProduceOptions produceOptions, ArticleSink sink) throws IOException {
        Path first = inputs.get(0).equals(ArticleLoader.STDIN) ? Path.of("stdin") : Path.of(inputs.get(0));
        LoadSummary summary;
        try (RejectSink rejects = toDeadLetterTopic ? new DeadLetterRejectSink(config)
                : RejectsFile.forLoad(produceOptions, first)) {
            ArticleLoader loader = new ArticleLoader(sink, rejects, produceOptions);
            List<Path> paths = new ArrayList<>();
            summary = null;
            for (String input : inputs) {
                if (input.equals(ArticleLoader.STDIN)) {
                    summary = loader.load(ArticleLoader.STDIN, System.in);
                } else {
                    paths.add(Path.of(input));
                }
            }
            if (!paths.isEmpty()) {
                summary = loader.load(paths);
            }
        } catch (NoSuchFileException e) {
            throw new UserFacingException("no such file or directory: " + e.getFile());
        }
        System.err.println(summary);
        return summary.exitCode();
    }

    private int pollFeeds(ArticleSink sink) throws Exception {
        List<FeedSubscription> subscriptions = new ArrayList<>();
        feeds.forEach(url -> subscriptions.add(FeedSubscription.of(url)));
        if (feedsFile != null) {
            subscriptions.addAll(FeedSubscription.readList(feedsFile));
        }
        try (FeedPoller poller = FeedPoller.withDefaults(subscriptions, sink, feedState)) {
            if (once) {
                FeedPoller.PollReport report = poller.pollOnce();
                System.err.println(report);
                return report.failed() > 0 ? 1 : 0;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "newsflow-produce-shutdown"));
            LOG.info("Polling {} feed(s) every {} s; Ctrl-C to stop", subscriptions.size(), pollIntervalSeconds);
            poller.start(Duration.ofSeconds(pollIntervalSeconds));
            stopped.await();
            poller.stop(Duration.ofSeconds(10));
            return 0;
        }
    }

    private static KafkaArticleSink kafkaSink(NewsflowConfig config) {
        Map<String, Object> producerConfig = new HashMap<>(KafkaArticleSink.defaults());
        producerConfig.put("bootstrap.servers", config.bootstrapServers());
        producerConfig.put("max.request.size", config.maxRecordBytes());
        return new KafkaArticleSink(producerConfig, config.topics().raw(),
                new ValueSerdes(config).forValues(RawArticle.class).serializer());
    }

    /** For --dry-run: the loader validates and counts, nothing is sent. */
    private static final class DiscardingSink implements ArticleSink {
        @Override
        public void accept(RawArticle article, Map<String, String> headers) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
