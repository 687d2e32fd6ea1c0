package io.newsflow.app;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ops.KafkaMetricsBridge;
import io.newsflow.ops.MicrometerPipelineMetrics;
import io.newsflow.ops.OpsServer;
import io.newsflow.ops.Readiness;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.TopicProvisioner;
import io.newsflow.streams.stages.CoreNlpEntityTagging;
import io.newsflow.streams.stages.EntityTagging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow process}: the long-running streams application; several instances share the work. Serves
 * Prometheus metrics and Kubernetes-style health probes while it runs, and closes cleanly on SIGTERM.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Run the newsflow pipeline (validate, clean, deduplicate, tag, route) against a Kafka cluster",
                "until stopped. Start several instances with the same --application-id to share the partitions.",
                "Serves /metrics, /health/live and /health/ready on --ops-port."})
final class ProcessCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCommand.class);

    @Mixin
    ConfigOptions options;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application id (default: newsflow).")
    String applicationId;

    @Option(names = "--threads", paramLabel = "N", description = "Stream threads in this instance (default: 1).")
    Integer threads;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state directory.")
    String stateDir;

    @Option(names = "--ops-port", paramLabel = "PORT", defaultValue = "${env:NEWSFLOW_OPS_PORT:-8080}",
            description = "Port of /metrics and /health/* (default: ${DEFAULT-VALUE}; 0 picks a free port, -1 disables).")
    int opsPort;

    @Option(names = "--ops-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Interface the ops endpoints bind to (default: ${DEFAULT-VALUE}).")
    String opsHost;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Map<String, Object> flags = new HashMap<>();
        putIfSet(flags, NewsflowConfig.APPLICATION_ID, applicationId);
        putIfSet(flags, NewsflowConfig.NUM_STREAM_THREADS, threads);
        putIfSet(flags, NewsflowConfig.STATE_DIR, stateDir);
        NewsflowConfig config = options.load(flags);
        if (config.createTopics()) {
            // Fail fast on an unreachable cluster, before spending seconds loading the tagger.
            TopicProvisioner.ensureTopics(config, config.startupTimeoutMs());
        }

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<NewsflowStreamsApp> running = new AtomicReference<>();
        Readiness readiness = new Readiness(
                () -> running.get() == null ? KafkaStreams.State.CREATED : running.get().state(),
                () -> running.get() == null ? null : running.get().fatalError());
        OpsServer ops = opsPort < 0 ? null : OpsServer.start(opsHost, opsPort, registry, readiness);
        if (ops != null) {
            LOG.info("Metrics and health on {}", ops.baseUri());
        }

        EntityTagging tagging = config.taggerEnabled() ? CoreNlpEntityTagging.loadAndWarmUp() : EntityTagging.NONE;
        NewsflowStreamsApp app = new NewsflowStreamsApp(config, tagging, new MicrometerPipelineMetrics(registry));
        running.set(app);
        KafkaMetricsBridge kafkaMetrics = new KafkaMetricsBridge(registry,
                Tags.of("application.id", config.applicationId())).bind(app.streams());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            readiness.markShuttingDown();
            app.close();
            kafkaMetrics.close();
            if (ops != null) {
                ops.close();
            }
        }, "newsflow-shutdown"));
        app.start();
        readiness.markStartupComplete();
        app.awaitStop();
        if (app.fatalError() != null) {
            LOG.error("newsflow stopped after a fatal error: {}", app.fatalError().toString());
            return 1;
        }
        return 0;
    }

    static void putIfSet(Map<String, Object> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
