package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSubscriptionTest {

    @TempDir
    Path dir;

    @Test
    void readsUrlsNamesAndSkipsComments() throws IOException {
        Path list = dir.resolve("feeds.txt");
        Files.writeString(list, """
                # local papers
                https://harbour-gazette.example/rss.xml  Harbour Gazette

                https://valley-courier.example/atom
                """);

        assertThat(FeedSubscription.readList(list)).containsExactly(
                new FeedSubscription(URI.create("https://harbour-gazette.example/rss.xml"), "Harbour Gazette"),
                new FeedSubscription(URI.create("https://valley-courier.example/atom"), "valley-courier.example"));
    }

    @Test
    void badLineIsReportedWithItsNumber() throws IOException {
        Path list = dir.resolve("feeds.txt");
        Files.writeString(list, "https://ok.example/rss\nnot-a-url\n");
        assertThatThrownBy(() -> FeedSubscription.readList(list)).isInstanceOf(IOException.class)
                .hasMessageContaining("feeds.txt:2");
    }
}
