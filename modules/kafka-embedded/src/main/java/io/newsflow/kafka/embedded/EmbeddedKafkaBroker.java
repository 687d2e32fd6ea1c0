/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running in this JVM: one KRaft node in combined mode (broker and controller)
 * listening on 127.0.0.1.
 *
 * <p>Tests get a fresh broker on free ports whose data is deleted on {@link #close()}. {@code newsflow dev}
 * names a log directory and a port, and on the next run the broker starts again on the same data.
 * The bootstrap address stays the same across {@link #stop()} and {@link #start()} of one instance, so
 * clients can be pointed at a broker that is restarted under them.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
 *     producerProps.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Upper bound for a clean shutdown, so that {@link #close()} never hangs a test run. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** Free ports are picked before binding; another process can win the race, so try a few times. */
    private static final int BIND_ATTEMPTS = 3;

    private final LogDirectory logDir;
    private final Map<String, String> overrides;
    private final boolean brokerPortIsFree;
    private final boolean controllerPortIsFree;

    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder builder) {
        this.logDir = builder.logDir == null ? LogDirectory.temporary() : LogDirectory.kept(builder.logDir);
        this.overrides = Map.copyOf(builder.overrides);
        this.brokerPort = builder.port;
        this.controllerPort = builder.controllerPort;
        this.brokerPortIsFree = builder.port == 0;
        this.controllerPortIsFree = builder.controllerPort == 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker and returns once it accepts clients. Formats the log directory first if it has
     * never been formatted. Calling it on a running broker does nothing.
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("broker is closed");
        }
        if (server != null) {
            return this;
        }
        long startedAt = System.nanoTime();
        boolean firstStart = !portsAssigned();
        for (int attempt = 1; ; attempt++) {
            assignPorts();
            try {
                server = launch();
                break;
            } catch (RuntimeException e) {
                // Only ports we picked ourselves may be replaced; a port the caller asked for must not move.
                boolean retry = firstStart && isBindFailure(e) && attempt < BIND_ATTEMPTS
                        && (brokerPortIsFree || controllerPortIsFree);
                if (!retry) {
                    throw new IllegalStateException("Kafka broker failed to start at " + bootstrapAddress()
                            + " on " + logDir, e);
                }
                log.warn("Port {} or {} was taken before the broker bound it; picking new ports",
                        brokerPort, controllerPort);
                releasePickedPorts();
            }
        }
        log.info("Kafka broker ready at {} (log dir {}) after {} ms",
                bootstrapAddress(), logDir, Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
        return this;
    }

    /** The address clients connect to, {@code 127.0.0.1:PORT}; the same for the life of this instance. */
    public synchronized String bootstrapServers() {
        assignPorts();
        return bootstrapAddress();
    }

    /** Shuts the broker down cleanly and keeps its data; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        shutdown(running);
        log.info("Kafka broker at {} stopped", bootstrapAddress());
    }

    /** Stops and starts again on the same data and the same ports, as a crashed-and-recovered broker would. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the broker and deletes its log directory if this broker created it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            logDir.deleteIfOwned();
        }
    }

    private KafkaRaftServer launch() {
        Properties props = SingleNodeSettings.forNode(logDir.path(), brokerPort, controllerPort, overrides);
        StorageFormatter.formatIfNeeded(logDir, props);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // Returns after the broker has caught up with the metadata log and been unfenced.
            candidate.startup();
            return candidate;
        } catch (RuntimeException e) {
            try {
                shutdown(candidate);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Runs Kafka's shutdown on its own thread so that a stuck shutdown cannot hang the caller forever. */
    private static void shutdown(KafkaRaftServer running) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread shutdown = new Thread(() -> {
            try {
                running.shutdown();
                running.awaitShutdown();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "newsflow-kafka-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        try {
            shutdown.join(SHUTDOWN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker to shut down", e);
        }
        if (shutdown.isAlive()) {
            log.warn("Kafka broker did not shut down within {}; leaving its threads behind", SHUTDOWN_TIMEOUT);
        } else if (failure.get() != null) {
            throw new IllegalStateException("Kafka broker shutdown failed", failure.get());
        }
    }

    private boolean portsAssigned() {
        return brokerPort != 0 && controllerPort != 0;
    }

    private void assignPorts() {
        if (brokerPort == 0) {
            brokerPort = LoopbackPorts.free();
        }
        if (controllerPort == 0) {
            controllerPort = LoopbackPorts.free();
            while (controllerPort == brokerPort) {
                controllerPort = LoopbackPorts.free();
            }
        }
    }

    private void releasePickedPorts() {
        if (brokerPortIsFree) {
            brokerPort = 0;
        }
        if (controllerPortIsFree) {
            controllerPort = 0;
        }
    }

    private String bootstrapAddress() {
        return SingleNodeSettings.HOST + ":" + brokerPort;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Configures an {@link EmbeddedKafkaBroker}; every setting has a default suitable for tests. */
    public static final class Builder {

        private Path logDir;
        private int port;
        private int controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Keeps data in this directory across runs; default is a temporary directory deleted on close. */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir");
            return this;
        }

        /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** The KRaft controller port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** Sets or overrides one broker property, for example {@code log.retention.ms}. */
        public Builder property(String key, String value) {
            overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public EmbeddedKafkaBroker build() {
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
            }
            return new EmbeddedKafkaBroker(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
            return port;
        }
    }
}
