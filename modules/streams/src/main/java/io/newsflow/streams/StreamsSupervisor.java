package io.newsflow.streams;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.streams.errors.Causes;

/**
 * Watches one Kafka Streams instance for an application (the pipeline, the downstream views): replaces a stream
 * thread that died on a transient failure (a broker or registry outage: its records are retried from the last
 * commit, never skipped), shuts the instance down on anything else and remembers why, logs state changes, and
 * lets callers wait until the instance stopped.
 */
public final class StreamsSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsSupervisor.class);

    private final KafkaStreams streams;
    private final String name;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

    /** Installs the handlers on {@code streams}, which must not be started yet; {@code name} labels the logs. */
    public StreamsSupervisor(KafkaStreams streams, String name) {
        this.streams = streams;
        this.name = name;
        streams.setUncaughtExceptionHandler(exception -> {
            if (isTransient(exception)) {
                LOG.warn("{}: stream thread failed on a transient error, replacing it and retrying from the last "
                        + "commit: {}", name, exception.toString());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            LOG.error("{}: stream thread failed on an unexpected error; shutting this instance down", name, exception);
            fatal.set(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            LOG.info("{}: Kafka Streams state {} -> {}", name, oldState, newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
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

    /** What shut the instance down, or null. */
    public Throwable fatalError() {
        return fatal.get();
    }

    /** Closes the instance, waiting up to 30 s for its threads, and releases {@link #awaitStop} callers. */
    public void close() {
        LOG.info("Closing {}", name);
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }

    static boolean isTransient(Throwable exception) {
        return Causes.anyOf(exception, RetriableException.class, TaskMigratedException.class);
    }
}
