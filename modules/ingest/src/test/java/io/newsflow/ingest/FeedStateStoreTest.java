package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsSeenItemsAndValidators() {
        Path file = dir.resolve("state.json");
        FeedStateStore store = FeedStateStore.open(file, 10);
        store.markSeen("https://a.example/rss", List.of("g1", "g2"));
        store.setValidators("https://a.example/rss", new FeedFetcher.Validators("\"e1\"", "Mon, 02 Mar 2026 08:00:00 GMT"));
        store.setValidators("https://b.example/atom", new FeedFetcher.Validators("\"e2\"", null));
        store.save();

        FeedStateStore reopened = FeedStateStore.open(file, 10);
        assertThat(reopened.hasSeen("https://a.example/rss", "g1")).isTrue();
        assertThat(reopened.hasSeen("https://a.example/rss", "g3")).isFalse();
        assertThat(reopened.hasSeen("https://b.example/atom", "g1")).isFalse();
        assertThat(reopened.validators("https://a.example/rss"))
                .isEqualTo(new FeedFetcher.Validators("\"e1\"", "Mon, 02 Mar 2026 08:00:00 GMT"));
        assertThat(reopened.validators("https://b.example/atom").etag()).isEqualTo("\"e2\"");
        assertThat(reopened.validators("https://c.example/none")).isEqualTo(FeedFetcher.Validators.NONE);
    }

    @Test
    void keepsOnlyTheNewestKeysPerFeed() {
        FeedStateStore store = FeedStateStore.open(dir.resolve("s.json"), 3);
        store.markSeen("f", List.of("1", "2", "3"));
        // Seeing "1" again makes it the newest, so "2" is now the oldest.
        store.markSeen("f", List.of("1"));
        store.markSeen("f", List.of("4"));

        assertThat(store.seenCount("f")).isEqualTo(3);
        assertThat(store.hasSeen("f", "2")).isFalse();
        assertThat(store.hasSeen("f", "1")).isTrue();
        assertThat(store.hasSeen("f", "3")).isTrue();
        assertThat(store.hasSeen("f", "4")).isTrue();
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTempFiles() throws IOException {
        Path file = dir.resolve("nested/state.json");
        FeedStateStore store = FeedStateStore.open(file, 5);
        store.markSeen("f", List.of("a"));
        store.save();
        store.markSeen("f", List.of("b"));
        store.save();

        assertThat(Files.readString(file)).contains("\"a\"", "\"b\"");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
