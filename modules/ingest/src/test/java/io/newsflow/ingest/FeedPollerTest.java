package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.RawArticle;

/** The feed poller against a real local HTTP server serving an RSS 2.0 and an Atom feed written for these tests. */
class FeedPollerTest {

    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";

    @TempDir
    Path dir;

    private LocalFeedServer server;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final CollectingArticleSink sink = new CollectingArticleSink();

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalFeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private FeedPoller poller(List<FeedSubscription> feeds, Path stateFile) {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(5), 1024 * 1024,
                new HostRateLimiter(Duration.ZERO, clock, clock));
        return new FeedPoller(feeds, sink, FeedStateStore.open(stateFile, 100), fetcher,
                new FeedBackoff(Duration.ofMinutes(1), Duration.ofMinutes(30), clock),
                ArticleIds.standard(), clock, ProduceOptions.DEFAULT_MAX_BODY_BYTES);
    }

    static String rssItem(String guid, String title, String content) {
        return """
                <item>
                  <title>%s</title>
                  <link>https://harbour-gazette.example/news/%s</link>
                  <guid isPermaLink="false">%s</guid>
                  <pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
                  <description>Short summary of %s.</description>
                  <content:encoded><![CDATA[<p>%s</p>]]></content:encoded>
                </item>
                """.formatted(title, guid, guid, title, content);
    }

    static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel>
                    <title>Harbour Gazette</title>
                    <link>https://harbour-gazette.example/</link>
                    <description>Local news from the harbour town.</description>
                    <language>en</language>
                    %s
                  </channel>
                </rss>
                """.formatted(String.join("\n", items));
    }

    static String atomEntry(String id, String title, String link, String summary, String content) {
        return """
                <entry>
                  <title>%s</title>
                  <id>%s</id>
                  <link href="%s"/>
                  <updated>2026-03-01T18:30:00Z</updated>
                  <summary>%s</summary>
                  %s
                </entry>
                """.formatted(title, id, link, summary,
                content == null ? "" : "<content type=\"html\">" + content + "</content>");
    }

    static String atom(String... entries) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Valley Courier</title>
                  <id>urn:uuid:4c1e2d4e-valley-courier</id>
                  <updated>2026-03-01T18:30:00Z</updated>
                  %s
                </feed>
                """.formatted(String.join("\n", entries));
    }

    @Test
    void newItemsAreSentOnceAcrossPolls() throws Exception {
        server.serve("/rss.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("hg-1", "Ferry timetable changes", "New ferry times from April."),
                        rssItem("hg-2", "Fish market expands", "Twelve new stalls.")), "\"v1\"", null));
        server.serve("/atom.xml", new LocalFeedServer.Document(200, ATOM,
                atom(atomEntry("urn:vc:1", "Bridge repairs start", "https://valley-courier.example/bridge",
                        "Repairs begin.", "&lt;p&gt;The old bridge closes for six weeks.&lt;/p&gt;")), null, null));
        FeedPoller poller = poller(List.of(new FeedSubscription(server.uri("/rss.xml"), "Harbour Gazette"),
                FeedSubscription.of(server.uri("/atom.xml").toString())), dir.resolve("state.json"));

        FeedPoller.PollReport first = poller.pollOnce();
        server.serve("/rss.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("hg-3", "Lighthouse open day", "Tours on Sunday."),
                        rssItem("hg-1", "Ferry timetable changes", "New ferry times from April."),
                        rssItem("hg-2", "Fish market expands", "Twelve new stalls.")), "\"v2\"", null));
        FeedPoller.PollReport second = poller.pollOnce();

        assertThat(first.sent()).isEqualTo(3);
        assertThat(second.sent()).isEqualTo(1);
        assertThat(sink.articles()).extracting(RawArticle::getTitle).containsExactly(
                "Ferry timetable changes", "Fish market expands", "Bridge repairs start", "Lighthouse open day");
        RawArticle ferry = sink.articles().get(0);
        assertThat(ferry.getBody()).isEqualTo("<p>New ferry times from April.</p>");
        assertThat(ferry.getContentType()).isEqualTo("text/html");
        assertThat(ferry.getUrl()).isEqualTo("https://harbour-gazette.example/news/hg-1");
        assertThat(ferry.getSource()).isEqualTo("Harbour Gazette");
        assertThat(ferry.getLanguage()).isEqualTo("en");
        assertThat(ferry.getPublishedAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(ferry.getId()).startsWith("url-");
        assertThat(sink.sent().get(0).headers()).containsEntry(IngestHeaders.FEED, server.uri("/rss.xml").toString())
                .containsEntry(IngestHeaders.SOURCE, "Harbour Gazette");
        RawArticle bridge = sink.articles().get(2);
        assertThat(bridge.getBody()).isEqualTo("<p>The old bridge closes for six weeks.</p>");
        assertThat(bridge.getSource()).isEqualTo("127.0.0.1");
        assertThat(bridge.getPublishedAt()).isEqualTo(Instant.parse("2026-03-01T18:30:00Z"));
    }

    @Test
    void unchangedFeedIsAnswered304AndNotResent() throws Exception {
        server.serve("/etag.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("e-1", "Tide tables published", "Spring tides expected.")), "\"abc\"", null));
        server.serve("/modified.xml", new LocalFeedServer.Document(200, ATOM,
                atom(atomEntry("urn:vc:9", "School roof fixed", "https://valley-courier.example/roof", "Fixed.",
                        "&lt;p&gt;Done before term.&lt;/p&gt;")), null, "Sun, 01 Mar 2026 18:30:00 GMT"));
        FeedPoller poller = poller(List.of(FeedSubscription.of(server.uri("/etag.xml").toString()),
                FeedSubscription.of(server.uri("/modified.xml").toString())), dir.resolve("state.json"));

        poller.pollOnce();
        FeedPoller.PollReport second = poller.pollOnce();

        assertThat(second.notModified()).isEqualTo(2);
        assertThat(second.sent()).isZero();
        assertThat(sink.articles()).hasSize(2);
        assertThat(server.requests("/etag.xml")).extracting(LocalFeedServer.Request::ifNoneMatch, LocalFeedServer.Request::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 200), org.assertj.core.groups.Tuple.tuple("\"abc\"", 304));
        assertThat(server.requests("/modified.xml")).extracting(LocalFeedServer.Request::ifModifiedSince, LocalFeedServer.Request::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 200),
                        org.assertj.core.groups.Tuple.tuple("Sun, 01 Mar 2026 18:30:00 GMT", 304));
    }

    @Test
    void restartOnTheSameStateFileDoesNotResend() throws Exception {
        // No validators, so only the remembered item keys can prevent a re-send.
        server.serve("/plain.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("p-1", "Market day moved", "Now on Thursdays."),
                        rssItem("p-2", "New bus route", "Route 9 reaches the hospital.")), null, null));
        Path state = dir.resolve("feeds/state.json");
        List<FeedSubscription> feeds = List.of(FeedSubscription.of(server.uri("/plain.xml").toString()));

        assertThat(poller(feeds, state).pollOnce().sent()).isEqualTo(2);
        FeedPoller.PollReport afterRestart = poller(feeds, state).pollOnce();

        assertThat(afterRestart.polled()).isEqualTo(1);
        assertThat(afterRestart.sent()).isZero();
        assertThat(sink.articles()).hasSize(2);
        assertThat(server.requests("/plain.xml")).hasSize(2);
        assertThat(FeedStateStore.open(state, 100).seenCount(server.uri("/plain.xml").toString())).isEqualTo(2);
    }

    @Test
    void summaryOnlyItemTriggersAPageFetch() throws Exception {
        String page = "<html><head><title>Dam inspection</title></head><body><article>"
                + "<p>Engineers found the dam sound.</p></article></body></html>";
        server.serve("/pages/dam.html", new LocalFeedServer.Document(200, "text/html; charset=utf-8", page, null, null));
        server.serve("/summary.xml", new LocalFeedServer.Document(200, ATOM,
                atom(atomEntry("urn:vc:dam", "Dam inspection", server.uri("/pages/dam.html").toString(),
                        "Inspectors visited the dam.", null)), null, null));
        FeedPoller poller = poller(List.of(FeedSubscription.of(server.uri("/summary.xml").toString())),
                dir.resolve("state.json"));

        FeedPoller.PollReport report = poller.pollOnce();

        assertThat(report.pageFetches()).isEqualTo(1);
        assertThat(server.requests("/pages/dam.html")).hasSize(1);
        RawArticle article = sink.articles().get(0);
        assertThat(article.getBody()).isEqualTo(page);
        assertThat(article.getContentType()).isEqualTo("text/html");
        assertThat(article.getUrl()).isEqualTo(server.uri("/pages/dam.html").toString());
    }

    @Test
    void oversizedPageIsSkippedForGoodWithoutFailingTheFeed() throws Exception {
        server.serve("/pages/huge.html", new LocalFeedServer.Document(200, "text/html", "<p>" + "x".repeat(2_000_000) + "</p>", null, null));
        server.serve("/pages/small.html", new LocalFeedServer.Document(200, "text/html", "<p>Small page.</p>", null, null));
        server.serve("/mixed.xml", new LocalFeedServer.Document(200, ATOM, atom(
                atomEntry("urn:vc:huge", "Huge", server.uri("/pages/huge.html").toString(), "Too big.", null),
                atomEntry("urn:vc:small", "Small", server.uri("/pages/small.html").toString(), "Fine.", null)), null, null));
        FeedPoller poller = poller(List.of(FeedSubscription.of(server.uri("/mixed.xml").toString())), dir.resolve("state.json"));

        FeedPoller.PollReport first = poller.pollOnce();
        FeedPoller.PollReport second = poller.pollOnce();

        assertThat(first.failed()).isZero();
        assertThat(sink.articles()).extracting(RawArticle::getTitle).containsExactly("Small");
        assertThat(second.pageFetches()).isZero();
        assertThat(server.requests("/pages/huge.html")).hasSize(1);
    }

    @Test
    void serverErrorCausesExponentialBackoff() throws Exception {
        server.serve("/broken.xml", new LocalFeedServer.Document(500, "text/plain", "overloaded", null, null));
        server.serve("/fine.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("f-1", "Harbour fireworks", "Saturday at nine.")), null, null));
        FeedPoller poller = poller(List.of(FeedSubscription.of(server.uri("/broken.xml").toString()),
                FeedSubscription.of(server.uri("/fine.xml").toString())), dir.resolve("state.json"));

        FeedPoller.PollReport first = poller.pollOnce();
        clock.advance(Duration.ofSeconds(59));
        FeedPoller.PollReport resting = poller.pollOnce();
        clock.advance(Duration.ofSeconds(1));
        FeedPoller.PollReport retried = poller.pollOnce();
        // Second failure: the rest doubles to two minutes.
        clock.advance(Duration.ofSeconds(119));
        FeedPoller.PollReport restingLonger = poller.pollOnce();
        server.serve("/broken.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("b-1", "Power restored", "All homes reconnected.")), null, null));
        clock.advance(Duration.ofSeconds(1));
        FeedPoller.PollReport recovered = poller.pollOnce();

        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.sent()).isEqualTo(1);
        assertThat(resting.resting()).isEqualTo(1);
        assertThat(retried.failed()).isEqualTo(1);
        assertThat(restingLonger.resting()).isEqualTo(1);
        assertThat(recovered.failed()).isZero();
        assertThat(recovered.sent()).isEqualTo(1);
        assertThat(server.requests("/broken.xml")).hasSize(3);
        assertThat(server.requests("/fine.xml")).hasSize(5);
    }

    @Test
    void scheduledLoopPollsUntilStopped() throws Exception {
        server.serve("/loop.xml", new LocalFeedServer.Document(200, RSS,
                rss(rssItem("l-1", "Harbour wall repaired", "Work finished early.")), "\"l\"", null));
        FeedPoller poller = poller(List.of(FeedSubscription.of(server.uri("/loop.xml").toString())),
                dir.resolve("state.json"));

        poller.start(Duration.ofMillis(50));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> server.requests("/loop.xml").size() >= 3);
        poller.stop(Duration.ofSeconds(5));
        int afterStop = server.requests("/loop.xml").size();

        assertThat(sink.articles()).hasSize(1);
        // A stopped poller makes no further requests; check again after more polls would have happened.
        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> server.requests("/loop.xml").size() == afterStop);
    }
}
