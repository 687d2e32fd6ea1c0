package io.newsflow.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java threads of this JVM that used the most CPU since a snapshot: says who else ran while a pass that
 * should have had the machine to itself was measured (on two cores, possibly hyperthreads of one, anything on
 * the other core slows it).
 */
final class BusiestThreads {

    private final Map<Long, Long> startNanos;
    private final Map<Long, String> names = new HashMap<>();

    private BusiestThreads() {
        this.startNanos = snapshot(names);
    }

    static BusiestThreads start() {
        return new BusiestThreads();
    }

    /**
     * "name: ms, ..." for the {@code count} threads that used the most CPU since {@link #start()}, leaving out
     * those whose name starts with {@code measuredPrefix} (the measured pass's own).
     */
    String top(int count, String measuredPrefix) {
        Map<Long, Long> now = snapshot(names);
        return now.entrySet().stream()
                .filter(thread -> !names.get(thread.getKey()).startsWith(measuredPrefix))
                .map(thread -> Map.entry(thread.getKey(), thread.getValue() - startNanos.getOrDefault(thread.getKey(), 0L)))
                .filter(used -> used.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(count)
                .map(used -> String.format(Locale.ROOT, "%s: %d ms", shortName(names.get(used.getKey())),
                        used.getValue() / 1_000_000))
                .collect(Collectors.joining(", "));
    }

    /** Stream threads' names carry the application id and a UUID; the end says which thread it is. */
    static String shortName(String name) {
        return name == null ? "?" : name.length() <= 48 ? name : "…" + name.substring(name.length() - 47);
    }

    private static Map<Long, Long> snapshot(Map<Long, String> names) {
        return StreamThreadCpu.cpuNanosByThread(name -> true, names);
    }
}
