package io.newsflow.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.newsflow.streams.PipelineMetrics;

/**
 * What the benchmark learns through the pipeline's metrics: the native (Linux) ids of its stream threads, from
 * the stage timings they report, for {@link RunQueueDelay} (Java 17 has no way to ask for another thread's native
 * id), and the tagger's backlog, for {@link TaggerIdleTime}. Counts nothing else.
 */
final class PipelineProbe extends PipelineMetrics.None {

    private final Set<Integer> ids = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Boolean> seen = ThreadLocal.withInitial(() -> false);
    private volatile IntSupplier taggerBacklog = () -> 0;

    /** Articles handed to the tagger threads and not tagged yet (0 when the tagger runs on the stream threads). */
    int taggerBacklog() {
        return taggerBacklog.getAsInt();
    }

    @Override
    public void taggerBacklog(IntSupplier articles) {
        this.taggerBacklog = articles;
    }

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
