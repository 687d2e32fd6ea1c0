package io.newsflow.downstream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.core.type.TypeReference;

import io.newsflow.model.EntityType;

/**
 * Cluster-wide answers: the local answer for what this instance owns, the other instances' answers (asked over
 * HTTP) for the rest. Key lookups go to the one owning instance; listings ask every instance hosting the store
 * and merge, which is exact because each key is owned by one instance.
 */
public final class QueryService {

    private static final TypeReference<NewestWindow> NEWEST = new TypeReference<>() { };
    private static final TypeReference<List<TrendEntry>> ENTRIES = new TypeReference<>() { };
    private static final TypeReference<EntityCounts> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<SourceStatsView>> SOURCES = new TypeReference<>() { };
    private static final TypeReference<SourceStatsView> SOURCE = new TypeReference<>() { };

    private final LocalQueries local;
    private final InstanceDirectory directory;
    private final PeerClient peers;

    public QueryService(LocalQueries local, InstanceDirectory directory, PeerClient peers) {
        this.local = local;
        this.directory = directory;
        this.peers = peers;
    }

    public LocalQueries local() {
        return local;
    }

    /**
     * The top entities of the trailing window (see {@link TrendWindow#trailingWindowStart}) after the newest event
     * any instance has counted. Two rounds: agree on the window, then collect each instance's top entries.
     */
    public TrendsView trends(TrendWindow window, EntityType type, int limit) {
        List<HostInfo> hosts = directory.instancesFor(window.storeName());
        Long newest = null;
        for (HostInfo host : hosts) {
            Long start = directory.isSelf(host) ? local.newestWindowStart(window)
                    : peers.get(host, new String[] {"internal", "trends", "newest"},
                            Map.of("window", window.label()), NEWEST).windowStart();
            if (start != null && (newest == null || start > newest)) {
                newest = start;
            }
        }
        String typeName = type == null ? null : type.name();
        if (newest == null) {
            return new TrendsView(window.label(), null, null, typeName, List.of());
        }
        long windowStart = window.trailingWindowStart(newest);
        Map<String, String> query = new HashMap<>();
        query.put("window", window.label());
        query.put("start", Long.toString(windowStart));
        query.put("type", typeName);
        query.put("limit", Integer.toString(limit));
        List<TrendEntry> merged = new ArrayList<>();
        for (HostInfo host : hosts) {
            merged.addAll(directory.isSelf(host) ? local.top(window, windowStart, type, limit)
                    : peers.get(host, new String[] {"internal", "trends"}, query, ENTRIES));
        }
        merged.sort(LocalQueries.BY_COUNT);
        Instant start = Instant.ofEpochMilli(windowStart);
        return new TrendsView(window.label(), start.toString(), start.plus(window.size()).toString(), typeName,
                List.copyOf(merged.subList(0, Math.min(limit, merged.size()))));
    }

    /** Counts of {@code name}: of that type when given ({@code type} or a {@code TYPE:} prefix), else of every type. */
    public EntityLookup entity(String name, EntityType type) {
        List<EntityKey> candidates = new ArrayList<>();
        if (type != null) {
            candidates.add(new EntityKey(type, name));
        } else if (hasTypePrefix(name)) {
            candidates.add(EntityKey.parse(name));
        } else {
            for (EntityType each : EntityType.values()) {
                candidates.add(new EntityKey(each, name));
            }
        }
        List<EntityCounts> matches = new ArrayList<>();
        for (EntityKey key : candidates) {
            EntityCounts counts = entityCounts(key);
            if (!counts.isEmpty()) {
                matches.add(counts);
            }
        }
        if (matches.isEmpty()) {
            throw QueryFailure.notFound("No counts for entity '" + name + "'");
        }
        return new EntityLookup(name, matches);
    }

    /** Counts of one entity, from the instance that owns its key (both window stores share the partitioning). */
    public EntityCounts entityCounts(EntityKey key) {
        HostInfo owner = directory.ownerOf(TrendWindow.HOUR.storeName(), key.toString());
        if (directory.isSelf(owner)) {
            return local.counts(key);
        }
        return peers.get(owner, new String[] {"internal", "entities", key.toString()}, Map.of(), COUNTS);
    }

    public List<SourceStatsView> sources() {
        List<SourceStatsView> all = new ArrayList<>();
        for (HostInfo host : directory.instancesFor(DownstreamTopology.SOURCE_STATS_STORE)) {
            all.addAll(directory.isSelf(host) ? local.sources()
                    : peers.get(host, new String[] {"internal", "sources"}, Map.of(), SOURCES));
        }
        all.sort((a, b) -> a.source().compareTo(b.source()));
        return all;
    }

    public SourceStatsView source(String source) {
        HostInfo owner = directory.ownerOf(DownstreamTopology.SOURCE_STATS_STORE, source);
        if (directory.isSelf(owner)) {
            Optional<SourceStatsView> found = local.source(source);
            return found.orElseThrow(() -> QueryFailure.notFound("No statistics for source '" + source + "'"));
        }
        return peers.get(owner, new String[] {"internal", "sources", source}, Map.of(), SOURCE);
    }

    private static boolean hasTypePrefix(String name) {
        int colon = name.indexOf(':');
        return colon > 0 && EntityKey.typeOf(name.substring(0, colon)) != null;
    }
}
