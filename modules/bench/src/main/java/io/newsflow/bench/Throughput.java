package io.newsflow.bench;

/** How many items a pass handled, in how long, and the rate; {@code megabytesPerSecond} counts record values. */
public record Throughput(long items, double seconds, double perSecond, double megabytesPerSecond) {

    public static Throughput of(long items, long nanos, long valueBytes) {
        double seconds = nanos / 1e9;
        return new Throughput(items, seconds, seconds > 0 ? items / seconds : 0,
                seconds > 0 ? valueBytes / 1e6 / seconds : 0);
    }
}
