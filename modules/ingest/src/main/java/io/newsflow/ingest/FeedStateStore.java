package io.newsflow.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Remembers, across restarts, which feed items were already sent and the feed's HTTP validators.
 * The file is JSON, rewritten through a temp file and a move so a crash mid-write leaves the old
 * state intact. Each feed keeps only its newest {@code maxItemsPerFeed} keys: feeds list recent
 * items only, so older keys can never come back.
 */
public final class FeedStateStore {

    /** One feed's saved state, as stored in the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedState(String etag, String lastModified, List<String> seen) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final int maxItemsPerFeed;
    private final Map<String, LinkedHashSet<String>> seen = new LinkedHashMap<>();
    private final Map<String, FeedFetcher.Validators> validators = new LinkedHashMap<>();

    private FeedStateStore(Path file, int maxItemsPerFeed) {
        this.file = file;
        this.maxItemsPerFeed = maxItemsPerFeed;
    }

    /** Opens the state file, or starts empty when it does not exist yet. */
    public static FeedStateStore open(Path file, int maxItemsPerFeed) {
        FeedStateStore store = new FeedStateStore(file, maxItemsPerFeed);
        if (Files.exists(file)) {
            try {
                Map<String, FeedState> saved = JSON.readValue(file.toFile(),
                        JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, FeedState.class));
                saved.forEach((feed, state) -> {
                    store.seen.put(feed, new LinkedHashSet<>(state.seen() == null ? List.of() : state.seen()));
                    store.validators.put(feed, new FeedFetcher.Validators(state.etag(), state.lastModified()));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read feed state " + file, e);
            }
        }
        return store;
    }

    public synchronized boolean hasSeen(String feed, String itemKey) {
        LinkedHashSet<String> keys = seen.get(feed);
        return keys != null && keys.contains(itemKey);
    }

    /** Marks items sent, evicting the oldest beyond the bound. Call {@link #save()} to persist. */
    public synchronized void markSeen(String feed, Collection<String> itemKeys) {
        LinkedHashSet<String> keys = seen.computeIfAbsent(feed, f -> new LinkedHashSet<>());
        for (String key : itemKeys) {
            keys.remove(key);
            keys.add(key);
        }
        Iterator<String> oldest = keys.iterator();
        for (int excess = keys.size() - maxItemsPerFeed; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized int seenCount(String feed) {
        LinkedHashSet<String> keys = seen.get(feed);
        return keys == null ? 0 : keys.size();
    }

    public synchronized FeedFetcher.Validators validators(String feed) {
        return validators.getOrDefault(feed, FeedFetcher.Validators.NONE);
    }

    public synchronized void setValidators(String feed, FeedFetcher.Validators value) {
        validators.put(feed, value);
    }

    /** Writes the whole state atomically. */
    public synchronized void save() {
        Map<String, FeedState> out = new LinkedHashMap<>();
        List<String> feeds = new ArrayList<>(seen.keySet());
        validators.keySet().stream().filter(f -> !seen.containsKey(f)).forEach(feeds::add);
        for (String feed : feeds) {
            FeedFetcher.Validators v = validators.getOrDefault(feed, FeedFetcher.Validators.NONE);
            out.put(feed, new FeedState(v.etag(), v.lastModified(),
                    List.copyOf(seen.getOrDefault(feed, new LinkedHashSet<>()))));
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(temp.toFile(), out);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write feed state " + file, e);
        }
    }
}
