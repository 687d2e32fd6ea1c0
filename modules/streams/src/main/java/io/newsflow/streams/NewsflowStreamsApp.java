package io.newsflow.streams;

import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.streams.stages.EntityTagging;
import io.newsflow.streams.stages.TagProcessor;
import io.newsflow.streams.stages.TaggingPool;

/**
 * Runs the newsflow topology: provisions topics, starts Kafka Streams under a {@link StreamsSupervisor} (which
 * replaces a stream thread that died on a transient failure) and closes cleanly. The topology itself is
 * {@link NewsflowTopology}; the CLI only configures and starts this.
 */
public final class NewsflowStreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsflowStreamsApp.class);

    private final NewsflowConfig config;
    private final TaggingPool tagging;
    private final StreamsSupervisor supervisor;

    public NewsflowStreamsApp(NewsflowConfig config, EntityTagging tagging, PipelineMetrics metrics) {
        this.config = config;
        Properties props = config.streamsProperties();
        props.put(PipelineMetrics.CONFIG_KEY, metrics);
        // Without a tagger there is nothing worth a thread of its own.
        this.tagging = TaggingPool.threads(TagProcessor.timed(tagging, metrics),
                tagging == EntityTagging.NONE ? 0 : config.tagThreads());
        if (this.tagging.threads() > 0) {
            metrics.taggerBacklog(this.tagging::backlog);
        }
        Topology topology = NewsflowTopology.build(config, new ValueSerdes(config), this.tagging, metrics);
        LOG.debug("Topology:\n{}", topology.describe());
        this.supervisor = new StreamsSupervisor(new KafkaStreams(topology, props), "newsflow");
    }

    public NewsflowStreamsApp start() {
        if (config.createTopics()) {
            TopicProvisioner.ensureTopics(config, config.startupTimeoutMs());
        }
        TopicProvisioner.ensureInternalTopics(config, config.startupTimeoutMs());
        LOG.info("Starting newsflow {} (application.id={}, bootstrap={}, registry={}, guarantee={}, tagger threads={})",
                config.pipelineVersion(), config.applicationId(), config.bootstrapServers(), config.schemaRegistryUrl(),
                config.getString(NewsflowConfig.PROCESSING_GUARANTEE),
                tagging.threads() == 0 ? "none, tagging on the stream threads" : tagging.threads());
        supervisor.streams().start();
        return this;
    }

    public KafkaStreams streams() {
        return supervisor.streams();
    }

    public KafkaStreams.State state() {
        return supervisor.state();
    }

    /** Blocks until the instance stopped (closed, or shut down by a fatal error). */
    public void awaitStop() throws InterruptedException {
        supervisor.awaitStop();
    }

    public Throwable fatalError() {
        return supervisor.fatalError();
    }

    @Override
    public void close() {
        try {
            supervisor.close();
        } finally {
            tagging.close(); // after the stream threads: none of them may still wait for a tagged article
        }
    }
}
