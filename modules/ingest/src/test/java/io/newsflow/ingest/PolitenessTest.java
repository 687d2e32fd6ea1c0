package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Per-host rate limit, per-feed backoff and the load throttle, all on an injected clock. */
class PolitenessTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void hostLimiterSpacesRequestsToOneHostOnly() throws InterruptedException {
        HostRateLimiter limiter = new HostRateLimiter(Duration.ofSeconds(2), clock, clock);
        URI a1 = URI.create("https://a.example/feed");
        URI a2 = URI.create("https://A.example/page/2");
        URI b = URI.create("https://b.example/feed");

        assertThat(limiter.reserve(a1)).isZero();
        assertThat(limiter.reserve(b)).isZero();
        assertThat(limiter.reserve(a2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.reserve(a1)).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.reserve(a1)).isZero();

        limiter.acquire(a1);
        assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void backoffDoublesUpToTheCapAndResetsOnSuccess() {
        URI feed = URI.create("https://a.example/rss");
        FeedBackoff backoff = new FeedBackoff(Duration.ofSeconds(30), Duration.ofMinutes(5), clock);

        assertThat(backoff.isDue(feed)).isTrue();
        assertThat(backoff.failed(feed)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.isDue(feed)).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(backoff.isDue(feed)).isTrue();
        assertThat(backoff.failed(feed)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.failed(feed)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.failed(feed)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.failed(feed)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(200)).isEqualTo(Duration.ofMinutes(5));
        backoff.succeeded(feed);
        assertThat(backoff.isDue(feed)).isTrue();
        assertThat(backoff.failures(feed)).isZero();
    }

    @Test
    void throttleDoesNotSaveIdleTimeForABurst() throws InterruptedException {
        Throttle throttle = new Throttle(4, clock, clock);
        throttle.acquire();
        throttle.acquire();
        assertThat(clock.totalSlept()).isEqualTo(Duration.ofMillis(250));
        clock.advance(Duration.ofMinutes(1));
        throttle.acquire();
        throttle.acquire();
        assertThat(clock.totalSlept()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void zeroRateMeansUnthrottled() throws InterruptedException {
        Throttle throttle = new Throttle(0, clock, clock);
        for (int i = 0; i < 1_000; i++) {
            throttle.acquire();
        }
        assertThat(clock.totalSlept()).isZero();
    }
}
