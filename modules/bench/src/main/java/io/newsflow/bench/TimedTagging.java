package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.newsflow.model.Entity;
import io.newsflow.streams.stages.EntityTagging;

/**
 * The tagger, counting the CPU time of the threads that call it (the pipeline's tagger threads, or its stream
 * threads when it tags on them: then that splits their CPU time into tagging and everything else).
 */
final class TimedTagging implements EntityTagging {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Articles tagged and the CPU time they took, since the tagger was made; {@code onStreamThreadsCpuNanos} of
     * it on stream threads (all of it when tagging runs there, none when the pipeline has tagger threads).
     */
    record Usage(long articles, long cpuNanos, long onStreamThreadsCpuNanos) {

        Usage since(Usage earlier) {
            return new Usage(articles - earlier.articles, cpuNanos - earlier.cpuNanos,
                    onStreamThreadsCpuNanos - earlier.onStreamThreadsCpuNanos);
        }

        double cpuMillisPerArticle() {
            return articles == 0 ? 0 : cpuNanos / 1e6 / articles;
        }
    }

    private final EntityTagging tagger;
    private final LongAdder articles = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder onStreamThreadsCpuNanos = new LongAdder();
    private final ThreadLocal<Boolean> onStreamThread = ThreadLocal.withInitial(
            () -> StreamThreadCpu.STREAM_THREAD_NAME.matcher(Thread.currentThread().getName()).find());

    TimedTagging(EntityTagging tagger) {
        this.tagger = tagger;
    }

    @Override
    public List<Entity> tag(String title, String cleanBody) {
        long started = THREADS.getCurrentThreadCpuTime();
        try {
            return tagger.tag(title, cleanBody);
        } finally {
            long used = THREADS.getCurrentThreadCpuTime() - started;
            cpuNanos.add(used);
            if (onStreamThread.get()) {
                onStreamThreadsCpuNanos.add(used);
            }
            articles.increment();
        }
    }

    Usage usage() {
        return new Usage(articles.sum(), cpuNanos.sum(), onStreamThreadsCpuNanos.sum());
    }
}
