package io.newsflow.downstream;

import java.time.Duration;
import java.util.Locale;

import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * The two window families of trending entities: the last hour, refreshed every five minutes (hopping), and
 * whole days (tumbling). Each has its own named, queryable window store.
 */
public enum TrendWindow {

    HOUR("1h", Duration.ofHours(1), Duration.ofMinutes(5)),
    DAY("24h", Duration.ofHours(24), Duration.ofHours(24));

    private final String label;
    private final Duration size;
    private final Duration advance;

    TrendWindow(String label, Duration size, Duration advance) {
        this.label = label;
        this.size = size;
        this.advance = advance;
    }

    /** @throws IllegalArgumentException naming the allowed labels */
    public static TrendWindow byLabel(String label) {
        for (TrendWindow window : values()) {
            if (window.label.equals(label.toLowerCase(Locale.ROOT))) {
                return window;
            }
        }
        throw new IllegalArgumentException("Unknown window '" + label + "': use 1h or 24h");
    }

    public String label() {
        return label;
    }

    public Duration size() {
        return size;
    }

    public Duration advance() {
        return advance;
    }

    public String storeName() {
        return "entity-trends-" + label + "-store";
    }

    public TimeWindows windows(Duration grace) {
        return TimeWindows.ofSizeAndGrace(size, grace).advanceBy(advance);
    }

    /** A window store must keep a window at least until it closes; longer only for queries. */
    public Duration retention(Duration wanted, Duration grace) {
        Duration minimum = size.plus(grace);
        return wanted.compareTo(minimum) >= 0 ? wanted : minimum;
    }

    /**
     * The window a reader means by "now", given the newest window start in the store: the one that ends first
     * after the newest event, so it covers the trailing {@link #size()} (the current day for tumbling windows,
     * the last hour up to the current five minutes for hopping ones).
     */
    public long trailingWindowStart(long newestWindowStart) {
        return newestWindowStart + advance.toMillis() - size.toMillis();
    }
}
