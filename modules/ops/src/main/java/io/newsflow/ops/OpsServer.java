/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The operator's HTTP port: {@code GET /metrics} for Prometheus, {@code GET /health/live} and
 * {@code GET /health/ready} for the orchestrator's probes. Built on the JDK's own HTTP server so that the
 * pipeline brings no web framework; scrapes and probes are a few requests a second, so two threads serve them.
 *
 * <p>{@code /metrics} answers in OpenMetrics 1.0 when the scraper's Accept header asks for it (Prometheus does),
 * and in the Prometheus text format 0.0.4 otherwise. A health endpoint answers 200 when its check is up and 503
 * when it is down, with a small JSON body saying why either way.
 */
public final class OpsServer implements AutoCloseable {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final int THREADS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving.
     *
     * @param host interface to bind, e.g. {@code 0.0.0.0} in a container or {@code 127.0.0.1}
     * @param port port to bind; 0 picks a free one (see {@link #port()})
     * @throws IOException if the address cannot be bound
     */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry registry, Readiness readiness)
            throws IOException {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(readiness, "readiness");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, new OpsThreads());
        server.setExecutor(executor);
        server.createContext("/metrics", exact("/metrics", new MetricsHandler(registry)));
        server.createContext("/health/live", exact("/health/live", new HealthHandler(readiness::liveness)));
        server.createContext("/health/ready", exact("/health/ready", new HealthHandler(readiness::readiness)));
        server.start();
        OpsServer ops = new OpsServer(server, executor);
        LOG.info("Serving /metrics, /health/live and /health/ready on {}", ops.baseUri());
        return ops;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:9464}; a wildcard bind is reported as the loopback address. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort());
    }

    /** Stops accepting requests; a scrape still in flight is cut short, which Prometheus simply retries. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Ops endpoints stopped");
    }

    /** A context matches every path under its prefix; the endpoints answer their exact path only. */
    private static HttpHandler exact(String path, HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    send(exchange, 404, JSON, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, JSON, "{\"error\":\"method not allowed\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException | RuntimeException e) {
                // The client went away or a meter failed to render: the next scrape or probe tries again.
                LOG.warn("Could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                        e.toString());
            }
        };
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The scraper's Accept header decides between OpenMetrics and the classic text format. */
    static String metricsContentType(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
    }

    private record MetricsHandler(PrometheusMeterRegistry registry) implements HttpHandler {

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            String contentType = metricsContentType(exchange.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
            registry.scrape(body, contentType);
            send(exchange, 200, contentType, body.toByteArray());
        }
    }

    private record HealthHandler(Supplier<HealthCheck> check) implements HttpHandler {

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            HealthCheck result = check.get();
            send(exchange, result.up() ? 200 : 503, JSON, result.toJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class OpsThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "newsflow-ops-http-" + count.incrementAndGet());
            // Probes must never keep a stopping JVM alive.
            thread.setDaemon(true);
            return thread;
        }
    }
}
