package io.newsflow.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 for feed tests. Each path serves a document that tests can change;
 * validators (ETag and/or Last-Modified) are honoured the way a publisher's server would, and every
 * request is recorded so tests can see what the poller actually asked.
 */
final class LocalFeedServer implements AutoCloseable {

    /** What a path serves now. Null etag / lastModified means the server does not send that validator. */
    record Document(int status, String contentType, String body, String etag, String lastModified) {
    }

    /** One request as received. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {
    }

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void serve(String path, Document document) {
        documents.put(path, document);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        Document doc = documents.get(path);
        int status;
        byte[] body = new byte[0];
        if (doc == null) {
            status = 404;
        } else if (doc.status() == 200 && notModified(doc, ifNoneMatch, ifModifiedSince)) {
            status = 304;
        } else {
            status = doc.status();
            body = doc.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", doc.contentType());
        }
        if (doc != null && doc.etag() != null) {
            exchange.getResponseHeaders().set("ETag", doc.etag());
        }
        if (doc != null && doc.lastModified() != null) {
            exchange.getResponseHeaders().set("Last-Modified", doc.lastModified());
        }
        requests.add(new Request(path, ifNoneMatch, ifModifiedSince, status));
        exchange.sendResponseHeaders(status, status == 304 || body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static boolean notModified(Document doc, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null && doc.etag() != null) {
            return ifNoneMatch.equals(doc.etag());
        }
        return ifModifiedSince != null && doc.lastModified() != null && ifModifiedSince.equals(doc.lastModified());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
