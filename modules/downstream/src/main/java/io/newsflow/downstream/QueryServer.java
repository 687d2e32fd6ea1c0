package io.newsflow.downstream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.newsflow.model.EntityType;

/**
 * The interactive-query HTTP endpoint of one downstream instance (JDK HttpServer, JSON):
 * <pre>
 * GET /trends?window=1h|24h&amp;type=PER&amp;limit=20   top entities of the current window, all instances
 * GET /entities/{name}[?type=PER]                counts of one entity, from the instance that owns it
 * GET /sources                                   statistics of every source, all instances
 * GET /sources/{source}                          statistics of one source, from the instance that owns it
 * </pre>
 * and the {@code /internal/...} endpoints other instances call for this instance's local answers. Errors are
 * {@code {"error": "..."}} with 400 (bad parameter), 404 (unknown key), 502 (a peer failed) or 503 (rebalancing).
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 1_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json;
    private volatile QueryService queries;

    /** Binds now, so the port is known before Kafka Streams is told its {@code application.server}. */
    public QueryServer(String bindAddress, int port, ObjectMapper json) throws IOException {
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        AtomicInteger threads = new AtomicInteger();
        // Several threads: a request forwarded to a peer waits while that peer may be forwarding to us.
        this.executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "downstream-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void start(QueryService service) {
        this.queries = service;
        server.start();
        LOG.info("Interactive queries on port {}", port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    throw new QueryFailure(405, "Only GET is supported");
                }
                if (queries == null) {
                    throw QueryFailure.unavailable("Starting up", null);
                }
                body = route(segments(exchange.getRequestURI().getRawPath()),
                        parameters(exchange.getRequestURI().getRawQuery()));
            } catch (QueryFailure e) {
                status = e.status();
                body = Map.of("error", String.valueOf(e.getMessage()));
                LOG.debug("{} {} -> {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), status,
                        e.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                body = Map.of("error", e.toString());
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Object route(List<String> path, Map<String, String> params) {
        QueryService service = queries;
        LocalQueries local = service.local();
        String first = path.isEmpty() ? "" : path.get(0);
        switch (first) {
            case "trends":
                if (path.size() == 1) {
                    return service.trends(window(params), type(params), limit(params));
                }
                break;
            case "entities":
                if (path.size() == 2) {
                    return service.entity(path.get(1), type(params));
                }
                break;
            case "sources":
                if (path.size() == 1) {
                    return service.sources();
                }
                if (path.size() == 2) {
                    return service.source(path.get(1));
                }
                break;
            case "internal":
                return routeInternal(local, path.subList(1, path.size()), params);
            default:
                break;
        }
        throw QueryFailure.notFound("No endpoint /" + String.join("/", path));
    }

    private Object routeInternal(LocalQueries local, List<String> path, Map<String, String> params) {
        String joined = String.join("/", path);
        if (joined.equals("trends/newest")) {
            return new NewestWindow(local.newestWindowStart(window(params)));
        }
        if (joined.equals("trends")) {
            return local.top(window(params), longParameter(params, "start"), type(params), limit(params));
        }
        if (path.size() == 2 && path.get(0).equals("entities")) {
            return local.counts(parseKey(path.get(1)));
        }
        if (joined.equals("sources")) {
            return local.sources();
        }
        if (path.size() == 2 && path.get(0).equals("sources")) {
            return local.source(path.get(1))
                    .orElseThrow(() -> QueryFailure.notFound("No statistics for source '" + path.get(1) + "'"));
        }
        throw QueryFailure.notFound("No endpoint /internal/" + joined);
    }

    private static EntityKey parseKey(String key) {
        try {
            return EntityKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw QueryFailure.badRequest(e.getMessage());
        }
    }

    private static TrendWindow window(Map<String, String> params) {
        try {
            return TrendWindow.byLabel(params.getOrDefault("window", TrendWindow.HOUR.label()));
        } catch (IllegalArgumentException e) {
            throw QueryFailure.badRequest(e.getMessage());
        }
    }

    private static EntityType type(Map<String, String> params) {
        String type = params.get("type");
        if (type == null || type.isBlank()) {
            return null;
        }
        EntityType parsed = EntityKey.typeOf(type);
        if (parsed == null) {
            throw QueryFailure.badRequest("Unknown type '" + type + "': use PER, ORG, LOC or MISC");
        }
        return parsed;
    }

    private static int limit(Map<String, String> params) {
        long limit = params.containsKey("limit") ? longParameter(params, "limit") : DEFAULT_LIMIT;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryFailure.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return (int) limit;
    }

    private static long longParameter(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            throw QueryFailure.badRequest("Missing parameter " + name);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw QueryFailure.badRequest("Parameter " + name + " must be a number, was '" + value + "'");
        }
    }

    /** Decodes each segment on its own, so an encoded '/' inside a source name stays inside it. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                // In a path '+' is a plus sign, not a space.
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
