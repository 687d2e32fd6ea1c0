package io.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP GET for feeds and article pages: conditional (ETag / Last-Modified), with a timeout, a cap on
 * the bytes read, and the per-host politeness delay applied before every request.
 */
public final class FeedFetcher {

    /** What a server answered. {@code body} is empty for 304. */
    public record Response(int status, byte[] body, String etag, String lastModified, String contentType) {

        public boolean notModified() {
            return status == 304;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Validators from the previous successful fetch of the same URL; both may be null. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    /** The body was larger than allowed; the rest was not read. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(URI url, long limit) {
            super(url + " is larger than " + limit + " bytes");
        }
    }

    private static final String USER_AGENT = "newsflow-ingest/0.1 (+feed poller)";

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final HostRateLimiter politeness;

    public FeedFetcher(Duration timeout, long maxBytes, HostRateLimiter politeness) {
        this(HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), timeout, maxBytes, politeness);
    }

    FeedFetcher(HttpClient client, Duration timeout, long maxBytes, HostRateLimiter politeness) {
        this.client = client;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.politeness = politeness;
    }

    public Response get(URI url, Validators validators) throws IOException, InterruptedException {
        politeness.acquire(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5")
                .GET();
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw new TooLargeException(url, maxBytes);
        }
        return new Response(response.statusCode(), body,
                header(response, "ETag").orElse(null),
                header(response, "Last-Modified").orElse(null),
                header(response, "Content-Type").orElse(null));
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
