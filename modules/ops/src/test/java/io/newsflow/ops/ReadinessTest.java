/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final Readiness readiness = new Readiness(state::get, fatal::get);

    @Test
    void readyOnlyWhenRunningAndWarmAndNotShuttingDown() {
        assertThat(readiness.readiness().up()).isFalse();

        state.set(State.RUNNING);
        assertThat(readiness.readiness().up()).as("running but still warming up").isFalse();
        assertThat(readiness.readiness().reason()).contains("startup");

        readiness.markStartupComplete();
        assertThat(readiness.readiness()).isEqualTo(HealthCheck.up(State.RUNNING));

        state.set(State.REBALANCING);
        assertThat(readiness.readiness().up()).isFalse();
        assertThat(readiness.readiness().reason()).contains("REBALANCING");

        state.set(State.RUNNING);
        readiness.markShuttingDown();
        assertThat(readiness.readiness().up()).as("shutting down while streams still RUNNING").isFalse();
        assertThat(readiness.readiness().reason()).contains("shutting down");
    }

    @Test
    void liveThroughRebalancesAndShutdownButNotAfterAnError() {
        for (State alive : new State[] {State.CREATED, State.REBALANCING, State.RUNNING, State.PENDING_SHUTDOWN,
                State.NOT_RUNNING}) {
            state.set(alive);
            assertThat(readiness.liveness().up()).as("live in %s", alive).isTrue();
        }
        state.set(State.PENDING_ERROR);
        assertThat(readiness.liveness().up()).isFalse();
        state.set(State.ERROR);
        assertThat(readiness.liveness().up()).isFalse();
    }

    @Test
    void aFatalStreamThreadErrorMakesTheInstanceDead() {
        state.set(State.RUNNING);
        fatal.set(new IllegalStateException("state store corrupted"));

        HealthCheck live = readiness.liveness();
        assertThat(live.up()).isFalse();
        assertThat(live.reason()).contains("state store corrupted");
    }

    @Test
    void healthChecksRenderAsJson() {
        assertThat(HealthCheck.up(State.RUNNING).toJson()).isEqualTo("{\"status\":\"UP\",\"streams\":\"RUNNING\"}");
        assertThat(HealthCheck.down("said \"no\"\n", State.CREATED).toJson())
                .isEqualTo("{\"status\":\"DOWN\",\"reason\":\"said \\\"no\\\"\\n\",\"streams\":\"CREATED\"}");
    }
}
