package io.newsflow.downstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.newsflow.model.EntityType;
import io.newsflow.model.SourceStats;

/**
 * Answers from this instance's own stores. Each entity and each source lives on exactly one instance, so the
 * cluster-wide answer is the union of the instances' local answers.
 */
public final class LocalQueries {

    /** Orders trends the way readers expect: most mentioned first, ties by entity so pages are stable. */
    static final Comparator<TrendEntry> BY_COUNT = Comparator.comparingLong(TrendEntry::count).reversed()
            .thenComparing(TrendEntry::entity);

    private final LocalStores stores;
    private final Clock clock;

    public LocalQueries(LocalStores stores) {
        this(stores, Clock.systemUTC());
    }

    LocalQueries(LocalStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * The newest window start held here, or null. Looks back from the wall clock in growing steps, so live data
     * (event time near now) costs a scan of the last window or so, not of the whole store; a replay of old news
     * takes a few more, cheap, empty range scans.
     */
    public Long newestWindowStart(TrendWindow window) {
        ReadOnlyWindowStore<String, Long> store = stores.trends(window);
        Instant latest = Instant.ofEpochMilli(Long.MAX_VALUE);
        Instant now = clock.instant();
        Duration lookBack = window.size();
        while (true) {
            Instant from = now.toEpochMilli() > lookBack.toMillis() ? now.minus(lookBack) : Instant.EPOCH;
            Long newest = null;
            try (KeyValueIterator<Windowed<String>, Long> it = store.fetchAll(from, latest)) {
                while (it.hasNext()) {
                    long start = it.next().key.window().start();
                    if (newest == null || start > newest) {
                        newest = start;
                    }
                }
            } catch (InvalidStateStoreException e) {
                throw QueryFailure.unavailable("Trends are not queryable now", e);
            }
            if (newest != null || from.equals(Instant.EPOCH)) {
                return newest;
            }
            lookBack = lookBack.multipliedBy(4);
        }
    }

    /** Top {@code limit} entities (of {@code type}, when not null) in the window starting at {@code windowStart}. */
    public List<TrendEntry> top(TrendWindow window, long windowStart, EntityType type, int limit) {
        Instant start = Instant.ofEpochMilli(windowStart);
        List<TrendEntry> entries = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> it = stores.trends(window).fetchAll(start, start)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Long> next = it.next();
                TrendEntry entry = TrendEntry.of(next.key.key(), next.value);
                if (next.key.window().start() == windowStart && (type == null || entry.type().equals(type.name()))) {
                    entries.add(entry);
                }
            }
        } catch (InvalidStateStoreException e) {
            throw QueryFailure.unavailable("Trends are not queryable now", e);
        }
        entries.sort(BY_COUNT);
        return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
    }

    /** Every retained window count of one entity (empty lists when this instance has none). */
    public EntityCounts counts(EntityKey entity) {
        Map<String, List<WindowCount>> windows = new LinkedHashMap<>();
        for (TrendWindow window : TrendWindow.values()) {
            List<WindowCount> counts = new ArrayList<>();
            ReadOnlyWindowStore<String, Long> store = stores.trends(window);
            try (WindowStoreIterator<Long> it = store.fetch(entity.toString(), Instant.EPOCH,
                    Instant.ofEpochMilli(Long.MAX_VALUE))) {
                while (it.hasNext()) {
                    KeyValue<Long, Long> next = it.next();
                    Instant start = Instant.ofEpochMilli(next.key);
                    counts.add(new WindowCount(start.toString(), start.plus(window.size()).toString(), next.value));
                }
            } catch (InvalidStateStoreException e) {
                throw QueryFailure.unavailable("Trends are not queryable now", e);
            }
            windows.put(window.label(), List.copyOf(counts));
        }
        return new EntityCounts(entity.toString(), entity.canonical(), entity.type().name(), windows);
    }

    public Optional<SourceStatsView> source(String source) {
        try {
            SourceStats stats = stores.sources().get(source);
            return Optional.ofNullable(stats).map(found -> SourceStatsView.of(source, found));
        } catch (InvalidStateStoreException e) {
            throw QueryFailure.unavailable("Source statistics are not queryable now", e);
        }
    }

    public List<SourceStatsView> sources() {
        List<SourceStatsView> all = new ArrayList<>();
        try (KeyValueIterator<String, SourceStats> it = stores.sources().all()) {
            it.forEachRemaining(next -> all.add(SourceStatsView.of(next.key, next.value)));
        } catch (InvalidStateStoreException e) {
            throw QueryFailure.unavailable("Source statistics are not queryable now", e);
        }
        return all;
    }
}
