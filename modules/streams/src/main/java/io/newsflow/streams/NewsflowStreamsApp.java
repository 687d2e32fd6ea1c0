package io.newsflow.streams;

import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.streams.stages.EntityTagging;

/**
 * Runs the newsflow topology: provisions topics, starts Kafka Streams under a {@link StreamsSupervisor} (which
 * replaces a stream thread that died on a transient failure) and closes cleanly. The topology itself is
 * {@link NewsflowTopology}; the CLI only configures and starts this.
 */
public final class NewsflowStreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsflowStreamsApp.class);

    private final NewsflowConfig config;
    private final StreamsSupervisor supervisor;

    public NewsflowStreamsApp(NewsflowConfig config, EntityTagging tagging, PipelineMetrics metrics) {
        this.config = config;
        Properties props = config.streamsProperties();
        props.put(PipelineMetrics.CONFIG_KEY, metrics);
        Topology topology = NewsflowTopology.build(config, new ValueSerdes(config), tagging, metrics);
        LOG.debug("Topology:\n{}", topology.describe());
        this.supervisor = new StreamsSupervisor(new KafkaStreams(topology, props), "newsflow");
    }

    public NewsflowStreamsApp start() {
        if (config.createTopics()) {
            TopicProvisioner.ensureTopics(config, config.startupTimeoutMs());
        }
        TopicProvisioner.ensureInternalTopics(config, config.startupTimeoutMs());
        LOG.info("Starting newsflow {} (application.id={}, bootstrap={}, registry={}, guarantee={})",
                config.pipelineVersion(), config.applicationId(), config.bootstrapServers(), config.schemaRegistryUrl(),
                config.getString(NewsflowConfig.PROCESSING_GUARANTEE));
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
        supervisor.close();
    }
}
