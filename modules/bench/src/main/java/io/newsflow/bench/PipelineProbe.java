package io.newsflow.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.newsflow.streams.PipelineMetrics;

/**
 * Learns the native (Linux) ids of the pipeline's stream threads from the stage timings they report, for
 * {@link RunQueueDelay}: Java 17 has no way to ask for another thread's native id. Counts nothing else.
 */
final class StreamThreadIds extends PipelineMetrics.None {

    private final Set<Integer> ids = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Boolean> seen = ThreadLocal.withInitial(() -> false);

    /** The stream threads that reported a stage time so far. */
    List<Integer> nativeIds() {
        return List.copyOf(ids);
    }

    @Override
    public void stageTime(String stage, long nanos) {
        if (!seen.get()) {
            seen.set(true);
            if (StreamThreadCpu.STREAM_THREAD_NAME.matcher(Thread.currentThread().getName()).find()) {
                RunQueueDelay.currentNativeThreadId().ifPresent(ids::add);
            }
        }
    }
}
