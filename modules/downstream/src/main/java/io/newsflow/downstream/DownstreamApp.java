package io.newsflow.downstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.streams.StreamsSupervisor;
import io.newsflow.streams.ValueSerdes;

/**
 * Runs one downstream instance: its HTTP query endpoint and its Kafka Streams client, advertised to the other
 * instances as {@code application.server}. Start as many as needed with the same application id; each serves
 * queries for the whole cluster.
 */
public final class DownstreamApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DownstreamApp.class);

    private final DownstreamConfig config;
    private final QueryServer server;
    private final StreamsSupervisor supervisor;
    private final HostInfo self;

    public DownstreamApp(DownstreamConfig config) {
        this.config = config;
        ObjectMapper json = new ObjectMapper();
        try {
            this.server = new QueryServer(config.httpBindAddress(), config.httpPort(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + config.httpBindAddress() + ":" + config.httpPort(), e);
        }
        this.self = new HostInfo(config.httpAdvertisedHost(), server.port());
        try {
            Properties props = config.streamsProperties(server.port());
            Topology topology = DownstreamTopology.build(config, new ValueSerdes(config.newsflow()));
            LOG.debug("Downstream topology:\n{}", topology.describe());
            this.supervisor = new StreamsSupervisor(new KafkaStreams(topology, props), "downstream " + self);
        } catch (RuntimeException e) {
            // Do not keep the port bound when the instance cannot be built.
            server.close();
            throw e;
        }
    }

    public DownstreamApp start() {
        if (config.newsflow().createTopics()) {
            DownstreamTopicProvisioner.ensureTopics(config, 30_000);
        }
        LOG.info("Starting newsflow downstream (application.id={}, bootstrap={}, queries at {})",
                config.applicationId(), config.newsflow().bootstrapServers(), self);
        KafkaStreams streams = supervisor.streams();
        InstanceDirectory directory = new InstanceDirectory(streams, self);
        server.start(new QueryService(new LocalQueries(LocalStores.of(streams)), directory,
                new PeerClient(new ObjectMapper(), config.queryTimeout())));
        streams.start();
        return this;
    }

    /** Where this instance answers queries: the advertised host and the bound port. */
    public HostInfo hostInfo() {
        return self;
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
        server.close();
        supervisor.close();
    }
}
