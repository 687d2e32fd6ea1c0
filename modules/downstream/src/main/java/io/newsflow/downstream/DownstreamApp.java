package io.newsflow.downstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    private final KafkaStreams streams;
    private final HostInfo self;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

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
            this.streams = new KafkaStreams(topology, props);
        } catch (RuntimeException e) {
            // Do not keep the port bound when the instance cannot be built.
            server.close();
            throw e;
        }
        streams.setUncaughtExceptionHandler(exception -> {
            if (isTransient(exception)) {
                LOG.warn("Stream thread failed on a transient error, replacing it: {}", exception.toString());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            LOG.error("Stream thread failed on an unexpected error; shutting this instance down", exception);
            fatal.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Downstream {} state {} -> {}", self, oldState, newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    public DownstreamApp start() {
        if (config.newsflow().createTopics()) {
            DownstreamTopicProvisioner.ensureTopics(config, 30_000);
        }
        LOG.info("Starting newsflow downstream (application.id={}, bootstrap={}, queries at {})",
                config.applicationId(), config.newsflow().bootstrapServers(), self);
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
        for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof TaskMigratedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        LOG.info("Closing newsflow downstream {}", self);
        server.close();
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
