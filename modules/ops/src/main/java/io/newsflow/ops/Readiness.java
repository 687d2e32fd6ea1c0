/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import java.util.Objects;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;

import io.newsflow.streams.NewsflowStreamsApp;

/**
 * Whether this instance is alive and whether it should receive traffic, as the health endpoints report it.
 *
 * <p>Ready means Kafka Streams is RUNNING <em>and</em> the application said its startup work (the entity
 * tagger's warm-up, for one) is done, and it has not begun shutting down: an orchestrator then neither sends
 * work to a cold instance nor waits on one that is draining. Live means the process can still make progress:
 * Kafka Streams is not in (or on its way to) ERROR and no stream thread died of a fatal error. A rebalance or a
 * graceful shutdown is not a reason to restart the process, so those stay live.
 *
 * <p>The application drives it: {@link #markStartupComplete()} once warm, {@link #markShuttingDown()} first
 * thing on shutdown. Thread-safe.
 */
public final class Readiness {

    private final Supplier<KafkaStreams.State> streamsState;
    private final Supplier<Throwable> fatalError;
    private volatile boolean startupComplete;
    private volatile boolean shuttingDown;

    /**
     * @param streamsState the Kafka Streams state, read on every check
     * @param fatalError   the error that killed the instance, or null while there is none
     */
    public Readiness(Supplier<KafkaStreams.State> streamsState, Supplier<Throwable> fatalError) {
        this.streamsState = Objects.requireNonNull(streamsState, "streamsState");
        this.fatalError = Objects.requireNonNull(fatalError, "fatalError");
    }

    public Readiness(Supplier<KafkaStreams.State> streamsState) {
        this(streamsState, () -> null);
    }

    /** Follows a running (or about to be started) pipeline. */
    public static Readiness of(NewsflowStreamsApp app) {
        return new Readiness(app::state, app::fatalError);
    }

    /** Startup work is done: the instance may turn ready as soon as Kafka Streams is RUNNING. */
    public void markStartupComplete() {
        startupComplete = true;
    }

    /** Shutdown has begun: not ready from now on, whatever Kafka Streams says. Cannot be undone. */
    public void markShuttingDown() {
        shuttingDown = true;
    }

    public HealthCheck readiness() {
        KafkaStreams.State state = streamsState.get();
        if (shuttingDown) {
            return HealthCheck.down("shutting down", state);
        }
        if (state != KafkaStreams.State.RUNNING) {
            return HealthCheck.down("Kafka Streams is " + state + ", not RUNNING", state);
        }
        if (!startupComplete) {
            return HealthCheck.down("startup work (entity tagger warm-up) is not complete", state);
        }
        return HealthCheck.up(state);
    }

    public HealthCheck liveness() {
        KafkaStreams.State state = streamsState.get();
        Throwable fatal = fatalError.get();
        if (fatal != null) {
            return HealthCheck.down("a stream thread failed fatally: " + fatal, state);
        }
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            return HealthCheck.down("Kafka Streams is " + state, state);
        }
        return HealthCheck.up(state);
    }
}
