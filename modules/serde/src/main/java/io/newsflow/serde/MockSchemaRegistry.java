/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-memory registries shared by name within the JVM, selected with {@code schema.registry.url=mock://<scope>}:
 * every serde configured with the same scope sees the same schemas, which is what
 * {@code TopologyTestDriver} tests need. Drop the scope after each test to start clean.
 */
public final class MockSchemaRegistry {

    /** URL prefix that selects a mock scope instead of a registry server. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private static final ConcurrentMap<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of {@code scope}, created on first use. */
    public static SchemaRegistryClient getClientForScope(String scope) {
        return SCOPES.computeIfAbsent(scope, name -> new InMemorySchemaRegistryClient());
    }

    /** Forgets every schema of {@code scope}; clients already handed out keep the old contents. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** The scope named by a {@code mock://scope} URL, or null when the URL is not a mock URL. */
    static String scopeOf(String url) {
        return url.startsWith(MOCK_URL_PREFIX) ? url.substring(MOCK_URL_PREFIX.length()) : null;
    }
}
