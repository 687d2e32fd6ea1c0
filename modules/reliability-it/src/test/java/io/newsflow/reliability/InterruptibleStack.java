/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.registry.RegistryServerConfig;
import io.newsflow.registry.SchemaRegistryServer;

/**
 * A broker and a schema registry whose registry can be taken away for a while and brought back on the same
 * port and the same {@code _schemas} topic, as during a registry outage. (The testkit's stack only restarts it
 * at once.)
 */
final class InterruptibleStack implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final int registryPort;
    private final String registryUrl;
    private SchemaRegistryServer registry;

    private InterruptibleStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
        this.registryPort = registry.url().getPort();
        this.registryUrl = registry.url().toString();
    }

    static InterruptibleStack start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
        try {
            return new InterruptibleStack(broker, startRegistry(broker.bootstrapServers(), 0));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return registryUrl;
    }

    /** Closes the registry: its port refuses connections until {@link #startRegistry()}. */
    synchronized void stopRegistry() {
        registry.close();
        registry = null;
    }

    synchronized void startRegistry() {
        if (registry == null) {
            registry = startRegistry(bootstrapServers(), registryPort);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            broker.close();
        }
    }

    private static SchemaRegistryServer startRegistry(String bootstrapServers, int port) {
        try {
            return SchemaRegistryServer.start(RegistryServerConfig.builder().port(port)
                    .bootstrapServers(bootstrapServers).build());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the schema registry on port " + port, e);
        }
    }
}
