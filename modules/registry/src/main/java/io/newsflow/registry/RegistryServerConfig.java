/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import java.util.Objects;

/**
 * How to run a {@link SchemaRegistryServer}: where to listen, and where to keep schemas.
 *
 * <p>With {@code bootstrapServers == null} schemas live in memory and vanish on close, which is what unit
 * tests want. With a bootstrap address they live in a compacted Kafka topic, so a restarted registry and
 * several registries on the same topic all serve the same ids.
 *
 * @param host                 interface to bind, e.g. {@code 127.0.0.1}
 * @param port                 port to bind; {@code 0} picks a free port
 * @param bootstrapServers     Kafka cluster holding the schema log, or {@code null} for the in-memory store
 * @param topic                the schema log topic (Confluent's default is {@code _schemas})
 * @param defaultCompatibility global compatibility level until {@code PUT /config} changes it
 * @param replicationFactor    replication factor used when the registry creates the topic
 */
public record RegistryServerConfig(String host, int port, String bootstrapServers, String topic,
                                   CompatibilityLevel defaultCompatibility, short replicationFactor) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_TOPIC = "_schemas";
    public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

    public RegistryServerConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        defaultCompatibility = defaultCompatibility == null ? DEFAULT_COMPATIBILITY : defaultCompatibility;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
        if (bootstrapServers != null && bootstrapServers.isBlank()) {
            bootstrapServers = null;
        }
    }

    /** The five-value form: the topic, when created, gets replication factor 1 (a single local broker). */
    public RegistryServerConfig(String host, int port, String bootstrapServers, String topic,
                                CompatibilityLevel defaultCompatibility) {
        this(host, port, bootstrapServers, topic, defaultCompatibility, (short) 1);
    }

    /** In-memory registry on a free loopback port. */
    public static RegistryServerConfig defaults() {
        return builder().build();
    }

    /** Kafka-backed registry on a free loopback port, keeping schemas in {@code _schemas}. */
    public static RegistryServerConfig defaults(String bootstrapServers) {
        return builder().bootstrapServers(bootstrapServers).build();
    }

    /** True when schemas are kept in a Kafka topic rather than in memory. */
    public boolean usesKafkaStore() {
        return bootstrapServers != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a config starting from the defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private String bootstrapServers;
        private String topic = DEFAULT_TOPIC;
        private CompatibilityLevel defaultCompatibility = DEFAULT_COMPATIBILITY;
        private short replicationFactor = 1;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        public Builder defaultCompatibility(CompatibilityLevel level) {
            this.defaultCompatibility = Objects.requireNonNull(level, "level");
            return this;
        }

        public Builder replicationFactor(int replicationFactor) {
            if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
                throw new IllegalArgumentException("replicationFactor out of range: " + replicationFactor);
            }
            this.replicationFactor = (short) replicationFactor;
            return this;
        }

        public RegistryServerConfig build() {
            return new RegistryServerConfig(host, port, bootstrapServers, topic, defaultCompatibility,
                    replicationFactor);
        }
    }
}
