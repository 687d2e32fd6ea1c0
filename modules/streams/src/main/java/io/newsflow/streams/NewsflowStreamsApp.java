package io.newsflow.streams;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.streams.errors.Causes;
import io.newsflow.streams.stages.EntityTagging;

/**
 * Runs the newsflow topology: provisions topics, starts Kafka Streams, replaces a stream thread that died on a
 * transient failure (a registry or broker outage: the records are retried from the last commit, never skipped)
 * and closes cleanly. The topology itself is {@link NewsflowTopology}; the CLI only configures and starts this.
 */
public final class NewsflowStreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsflowStreamsApp.class);

    private final NewsflowConfig config;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

    public NewsflowStreamsApp(NewsflowConfig config, EntityTagging tagging, PipelineMetrics metrics) {
        this.config = config;
        Properties props = config.streamsProperties();
        props.put(PipelineMetrics.CONFIG_KEY, metrics);
        Topology topology = NewsflowTopology.build(config, new ValueSerdes(config), tagging, metrics);
        LOG.debug("Topology:\n{}", topology.describe());
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(exception -> {
            if (isTransient(exception)) {
                LOG.warn("Stream thread failed on a transient error, replacing it and retrying from the last commit: {}",
                        exception.toString());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            LOG.error("Stream thread failed on an unexpected error; shutting this instance down", exception);
            fatal.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Kafka Streams state {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    public NewsflowStreamsApp start() {
        if (config.createTopics()) {
            TopicProvisioner.ensureTopics(config, config.startupTimeoutMs());
        }
        TopicProvisioner.ensureInternalTopics(config, config.startupTimeoutMs());
        LOG.info("Starting newsflow {} (application.id={}, bootstrap={}, registry={}, guarantee={})",
                config.pipelineVersion(), config.applicationId(), config.bootstrapServers(), config.schemaRegistryUrl(),
                config.getString(NewsflowConfig.PROCESSING_GUARANTEE));
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until the instance stopped (closed, or shut down by a fatal error). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public Throwable fatalError() {
        return fatal.get();
    }

    static boolean isTransient(Throwable exception) {
        return Causes.anyOf(exception, org.apache.kafka.common.errors.RetriableException.class,
                org.apache.kafka.streams.errors.TaskMigratedException.class);
    }

    @Override
    public void close() {
        LOG.info("Closing newsflow");
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
