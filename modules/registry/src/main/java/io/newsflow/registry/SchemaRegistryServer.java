/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.registry.internals.InMemorySchemaStore;
import io.newsflow.registry.internals.KafkaSchemaStore;
import io.newsflow.registry.internals.RegistryException;
import io.newsflow.registry.internals.RegistryHttpHandler;
import io.newsflow.registry.internals.SchemaRegistry;
import io.newsflow.registry.internals.SchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * newsflow's local schema registry: an HTTP server speaking Confluent Schema Registry's REST API, so the
 * same serializers work against it and against a production registry.
 *
 * <p>Schemas live in memory or, when the config names a Kafka cluster, in a compacted topic that every
 * instance replays on start. {@link #start} returns once the store is caught up and the port is open.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int HANDLER_THREADS = 4;
    private static final int QUEUED_REQUESTS = 64;

    private final HttpServer http;
    private final ThreadPoolExecutor handlers;
    private final SchemaStore store;
    private final URI url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SchemaRegistryServer(HttpServer http, ThreadPoolExecutor handlers, SchemaStore store, URI url) {
        this.http = http;
        this.handlers = handlers;
        this.store = store;
        this.url = url;
    }

    /** Loads the store, opens the port and returns once requests can be served. */
    public static SchemaRegistryServer start(RegistryServerConfig config) throws IOException {
        SchemaStore store = config.usesKafkaStore()
                ? new KafkaSchemaStore(config.bootstrapServers(), config.topic(), config.replicationFactor())
                : new InMemorySchemaStore();
        ThreadPoolExecutor handlers = null;
        try {
            startStore(store);
            SchemaRegistry registry = new SchemaRegistry(store, config.defaultCompatibility());
            HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
            handlers = handlerPool();
            http.setExecutor(handlers);
            http.createContext("/", new RegistryHttpHandler(registry));
            http.start();
            URI url = urlOf(config.host(), http.getAddress().getPort());
            log.info("Schema registry started on {} ({})", url, store.describe());
            return new SchemaRegistryServer(http, handlers, store, url);
        } catch (IOException | RuntimeException e) {
            if (handlers != null) {
                handlers.shutdownNow();
            }
            store.close();
            throw e;
        }
    }

    private static void startStore(SchemaStore store) throws IOException {
        try {
            store.start();
        } catch (RegistryException unavailable) {
            throw new IOException("Could not load the schema store (" + store.describe() + "): "
                    + unavailable.getMessage(), unavailable);
        }
    }

    // A small bounded pool: when it is full the accepting thread serves the request itself, which slows
    // clients down instead of queueing without limit.
    private static ThreadPoolExecutor handlerPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), threads, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static URI urlOf(String host, int port) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + port);
    }

    /** The base URL to give clients as {@code schema.registry.url}, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    /** Stops serving, then closes the store. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
        log.info("Schema registry on {} stopped", url);
    }
}
