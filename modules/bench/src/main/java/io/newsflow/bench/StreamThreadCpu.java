package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * CPU time of the Kafka Streams stream threads in this JVM. Over a saturated pass, CPU time divided by wall time
 * says whether the stream threads were busy all along (a pipeline bound by its own work) or waited (on commits,
 * fetches, or a machine too busy to give them a core).
 */
final class StreamThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * "{application}-{uuid}-StreamThread-1", not its producer's network thread, whose name also contains
     * "-StreamThread-1" ("kafka-producer-network-thread | {client id}-StreamThread-1-producer").
     */
    static final Pattern STREAM_THREAD_NAME = Pattern.compile("-StreamThread-\\d+$");

    private final Map<Long, Long> startNanosByThread;

    private StreamThreadCpu(Map<Long, Long> startNanosByThread) {
        this.startNanosByThread = startNanosByThread;
    }

    /** Remembers the stream threads' CPU time now. */
    static StreamThreadCpu start() {
        return new StreamThreadCpu(snapshot());
    }

    /** CPU nanoseconds the stream threads used since {@link #start()} (threads started since then included). */
    long elapsedCpuNanos() {
        long total = 0;
        for (Map.Entry<Long, Long> thread : snapshot().entrySet()) {
            total += thread.getValue() - startNanosByThread.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }

    private static Map<Long, Long> snapshot() {
        return cpuNanosByThread(name -> STREAM_THREAD_NAME.matcher(name).find(), new HashMap<>());
    }

    /**
     * CPU nanoseconds so far of every live thread whose name {@code accepts}, by thread id; their names go into
     * {@code names}. Empty where the JVM cannot measure thread CPU time.
     */
    static Map<Long, Long> cpuNanosByThread(Predicate<String> accepts, Map<Long, String> names) {
        Map<Long, Long> cpu = new HashMap<>();
        if (!THREADS.isThreadCpuTimeSupported()) {
            return cpu;
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && accepts.test(info.getThreadName())) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return cpu;
    }
}
