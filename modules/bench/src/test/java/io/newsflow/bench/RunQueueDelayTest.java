package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RunQueueDelayTest {

    @Test
    void readsThisThreadsSchedulerStatisticsOnLinux() {
        OptionalInt tid = RunQueueDelay.currentNativeThreadId();
        Assumptions.assumeTrue(tid.isPresent(), "no /proc/thread-self here (not Linux)");

        long first = RunQueueDelay.nanos(List.of(tid.getAsInt()));
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += i % 7;
        }
        long second = RunQueueDelay.nanos(List.of(tid.getAsInt()));

        assertThat(sum).isPositive();
        assertThat(first).isNotNegative();
        assertThat(second).isGreaterThanOrEqualTo(first);
    }

    @Test
    void unknownThreadsOrNoneAreUnknown() {
        assertThat(RunQueueDelay.nanos(List.of())).isEqualTo(-1);
        assertThat(RunQueueDelay.nanos(List.of(Integer.MAX_VALUE))).isEqualTo(-1);
    }
}
