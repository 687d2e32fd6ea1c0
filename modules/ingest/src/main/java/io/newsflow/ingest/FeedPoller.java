package io.newsflow.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.RawArticle;

/**
 * Polls RSS 2.0 and Atom feeds and sends each item not sent before. Items are remembered in a
 * {@link FeedStateStore} only after the sink has flushed them, so a crash re-sends rather than loses
 * (news.raw is keyed by article id, so a re-send is harmless downstream). Unchanged feeds cost one
 * 304; failing feeds back off exponentially without delaying the others.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    /** Totals of one {@link #pollOnce()}. */
    public record PollReport(int polled, int notModified, int failed, int resting, int sent, int pageFetches) {
    }

    private final List<FeedSubscription> feeds;
    private final ArticleSink sink;
    private final FeedStateStore state;
    private final FeedFetcher fetcher;
    private final FeedBackoff backoff;
    private final ArticleIds ids;
    private final Clock clock;
    private final long maxBodyBytes;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;

    public FeedPoller(List<FeedSubscription> feeds, ArticleSink sink, FeedStateStore state, FeedFetcher fetcher,
                      FeedBackoff backoff, ArticleIds ids, Clock clock, long maxBodyBytes) {
        this.feeds = List.copyOf(feeds);
        this.sink = sink;
        this.state = state;
        this.fetcher = fetcher;
        this.backoff = backoff;
        this.ids = ids;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * A poller with newsflow's defaults: 10 s timeout, 5 MB page cap, 1 s between requests to one
     * host, backoff from 1 min doubling to 1 h, 2,000 remembered items per feed, 2 MB max body.
     */
    public static FeedPoller withDefaults(List<FeedSubscription> feeds, ArticleSink sink, Path stateFile) {
        Clock clock = Clock.systemUTC();
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(10), 5L * 1024 * 1024,
                new HostRateLimiter(Duration.ofSeconds(1), clock, Sleeper.SYSTEM));
        return new FeedPoller(feeds, sink, FeedStateStore.open(stateFile, 2_000), fetcher,
                new FeedBackoff(Duration.ofMinutes(1), Duration.ofHours(1), clock), ArticleIds.standard(), clock,
                ProduceOptions.DEFAULT_MAX_BODY_BYTES);
    }

    /** Polls every feed that is not resting after errors, once. */
    public synchronized PollReport pollOnce() throws InterruptedException {
        int polled = 0;
        int notModified = 0;
        int failed = 0;
        int resting = 0;
        int sent = 0;
        int pages = 0;
        for (FeedSubscription feed : feeds) {
            if (!backoff.isDue(feed.url())) {
                resting++;
                continue;
            }
            polled++;
            try {
                FeedOutcome outcome = poll(feed);
                backoff.succeeded(feed.url());
                notModified += outcome.notModified ? 1 : 0;
                sent += outcome.sent;
                pages += outcome.pageFetches;
            } catch (IOException | FeedException | RuntimeException e) {
                failed++;
                Duration rest = backoff.failed(feed.url());
                log.warn("Polling {} failed ({} in a row), next try in {}: {}",
                        feed.url(), backoff.failures(feed.url()), rest, e.toString());
            }
        }
        PollReport report = new PollReport(polled, notModified, failed, resting, sent, pages);
        log.info("Feed poll: {}", report);
        return report;
    }

    private record FeedOutcome(boolean notModified, int sent, int pageFetches) {
    }

    private FeedOutcome poll(FeedSubscription feed) throws IOException, FeedException, InterruptedException {
        String key = feed.url().toString();
        FeedFetcher.Response response = fetcher.get(feed.url(), state.validators(key));
        if (response.notModified()) {
            log.debug("{} not modified", key);
            return new FeedOutcome(true, 0, 0);
        }
        if (!response.ok()) {
            throw new IOException("HTTP " + response.status() + " from " + key);
        }
        SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        Map<String, RawArticle> fresh = new LinkedHashMap<>();
        int pageFetches = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            FeedItem item = FeedItem.from(entry);
            if (item.key() == null || state.hasSeen(key, item.key()) || fresh.containsKey(item.key())) {
                continue;
            }
            boolean fetchPage = !item.hasFullContent() && item.hasFetchableLink();
            Optional<RawArticle> article = toArticle(feed, parsed, item, fetchPage);
            pageFetches += fetchPage ? 1 : 0;
            article.ifPresent(a -> fresh.put(item.key(), a));
        }
        for (RawArticle article : fresh.values()) {
            Map<String, String> headers = new HashMap<>();
            headers.put(IngestHeaders.SOURCE, article.getSource());
            headers.put(IngestHeaders.FEED, key);
            sink.accept(article, headers);
        }
        if (!fresh.isEmpty()) {
            sink.flush();
            state.markSeen(key, new ArrayList<>(fresh.keySet()));
        }
        // Validators only after the items are safe: else a 304 next time would hide unsent items.
        state.setValidators(key, new FeedFetcher.Validators(response.etag(), response.lastModified()));
        state.save();
        log.debug("{}: {} entries, {} new", key, parsed.getEntries().size(), fresh.size());
        return new FeedOutcome(false, fresh.size(), pageFetches);
    }

    /** Empty when the item has no usable body; such items are retried on the next poll. */
    private Optional<RawArticle> toArticle(FeedSubscription feed, SyndFeed parsed, FeedItem item, boolean fetchPage)
            throws IOException, InterruptedException {
        String body;
        String contentType;
        if (item.hasFullContent()) {
            body = item.content();
            contentType = item.contentType();
        } else if (fetchPage) {
            FeedFetcher.Response page;
            try {
                page = fetcher.get(URI.create(item.link().strip()), FeedFetcher.Validators.NONE);
            } catch (FeedFetcher.TooLargeException e) {
                log.warn("Item {} of feed {} skipped for good: {}", item.key(), feed.url(), e.getMessage());
                state.markSeen(feed.url().toString(), List.of(item.key()));
                return Optional.empty();
            }
            if (!page.ok()) {
                log.warn("Page {} of feed {} answered HTTP {}; will retry next poll", item.link(), feed.url(), page.status());
                return Optional.empty();
            }
            body = new String(page.body(), charsetOf(page.contentType()));
            contentType = ContentTypes.HTML;
        } else {
            body = item.summary();
            contentType = ContentTypes.HTML;
        }
        if (body == null || body.isBlank()) {
            log.warn("Item {} of feed {} has no content, summary or link; skipped", item.key(), feed.url());
            return Optional.empty();
        }
        if (Utf8Text.utf8Length(body) > maxBodyBytes) {
            log.warn("Item {} of feed {} is over {} bytes; skipped", item.key(), feed.url(), maxBodyBytes);
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("feed", feed.url().toString());
        if (parsed.getTitle() != null) {
            headers.put("feedTitle", parsed.getTitle());
        }
        return Optional.of(RawArticle.newBuilder()
                .setId(item.link() != null ? ids.resolve(null, item.link(), feed.name(), item.title(), body)
                        : ids.fromContent(feed.name(), item.key(), ""))
                .setUrl(item.link())
                .setSource(feed.name())
                .setTitle(item.title())
                .setBody(body)
                .setContentType(contentType)
                .setLanguage(parsed.getLanguage())
                .setPublishedAt(item.publishedAt())
                .setFetchedAt(clock.instant())
                .setHeaders(headers)
                .build());
    }

    private static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String param : contentType.split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException unknown) {
                        log.debug("Unknown charset in '{}', using UTF-8", contentType);
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Polls now and then every {@code interval} on a background thread until {@link #close()}. */
    public void start(Duration interval) {
        synchronized (lifecycle) {
            if (scheduler != null) {
                throw new IllegalStateException("already started");
            }
            scheduler = newScheduler();
            scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static ScheduledExecutorService newScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsflow-feed-poller");
            t.setDaemon(true);
            return t;
        });
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Escaping would cancel the schedule for good; log and try again next interval.
            log.error("Feed poll failed", e);
        }
    }

    /** Stops scheduling, lets a poll in progress finish (up to {@code grace}), and flushes the sink. */
    public void stop(Duration grace) throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (lifecycle) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdown();
            if (!running.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Feed poll still running after {}; interrupting it", grace);
                running.shutdownNow();
            }
        }
        sink.flush();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
