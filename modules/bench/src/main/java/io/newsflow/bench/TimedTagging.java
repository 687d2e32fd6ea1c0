package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import io.newsflow.model.Entity;
import io.newsflow.streams.stages.EntityTagging;

/**
 * The tagger, counting the CPU time of the threads that call it: inside the pipeline that splits the stream
 * threads' CPU time into tagging and everything else (Kafka clients, serdes, state stores, cleaning, dedup).
 */
final class TimedTagging implements EntityTagging {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Articles tagged and the CPU time they took, since the tagger was made. */
    record Usage(long articles, long cpuNanos) {

        Usage since(Usage earlier) {
            return new Usage(articles - earlier.articles, cpuNanos - earlier.cpuNanos);
        }

        double cpuMillisPerArticle() {
            return articles == 0 ? 0 : cpuNanos / 1e6 / articles;
        }
    }

    private final EntityTagging tagger;
    private final LongAdder articles = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    /** Native thread id to Java thread name, of every thread that called the tagger. */
    private final Map<Integer, String> callers = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> known = ThreadLocal.withInitial(() -> false);

    TimedTagging(EntityTagging tagger) {
        this.tagger = tagger;
    }

    @Override
    public List<Entity> tag(String title, String cleanBody) {
        if (!known.get()) {
            RunQueueDelay.currentNativeThreadId().ifPresent(tid -> callers.put(tid, Thread.currentThread().getName()));
            known.set(true);
        }
        long started = THREADS.getCurrentThreadCpuTime();
        try {
            return tagger.tag(title, cleanBody);
        } finally {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - started);
            articles.increment();
        }
    }

    /** The native ids of the threads whose names match {@code names} that called the tagger so far. */
    List<Integer> nativeThreadIds(Pattern names) {
        return callers.entrySet().stream().filter(caller -> names.matcher(caller.getValue()).find())
                .map(Map.Entry::getKey).toList();
    }

    Usage usage() {
        return new Usage(articles.sum(), cpuNanos.sum());
    }
}
