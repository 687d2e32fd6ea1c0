package io.newsflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * How long threads waited for a core while ready to run (Linux's per-thread scheduler statistics). On a busy
 * machine a stream thread that is neither working nor waiting on Kafka is waiting for the scheduler: this tells
 * those apart. Elsewhere than on Linux every figure is unknown.
 */
final class RunQueueDelay {

    private RunQueueDelay() {
    }

    /** The calling thread's id in the operating system, if it says. */
    static OptionalInt currentNativeThreadId() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.US_ASCII);
            return OptionalInt.of(Integer.parseInt(stat.substring(0, stat.indexOf(' '))));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Nanoseconds the threads of this process with these ids spent ready to run but not running; -1: unknown. */
    static long nanos(Collection<Integer> nativeThreadIds) {
        if (nativeThreadIds.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (int tid : nativeThreadIds) {
            try {
                // "<on-cpu ns> <run-queue wait ns> <time slices>"
                String[] fields = Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat"),
                        StandardCharsets.US_ASCII).trim().split(" ");
                total += Long.parseLong(fields[1]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }
}
