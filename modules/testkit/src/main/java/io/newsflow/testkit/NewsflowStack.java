/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.registry.RegistryServerConfig;
import io.newsflow.registry.SchemaRegistryServer;
import io.newsflow.serde.AvroSerdeConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What newsflow runs against, for integration tests: a real Kafka broker and the local schema registry
 * keeping its schemas in that broker's {@code _schemas} topic. Fresh temporary data and free ports each
 * time; everything is deleted on {@link #close()}.
 *
 * <pre>{@code
 * try (NewsflowStack stack = NewsflowStack.start()) {
 *     stack.createTopics(3, "articles-raw", "articles-enriched");
 *     Map<String, Object> serde = stack.serdeConfig();
 * }
 * }</pre>
 */
public final class NewsflowStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NewsflowStack.class);

    /** The registry's schema log, under the name Confluent's registry uses. */
    public static final String SCHEMAS_TOPIC = RegistryServerConfig.DEFAULT_TOPIC;

    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final EmbeddedKafkaBroker broker;
    private final int registryPort;
    private SchemaRegistryServer registry;
    private Admin admin;

    private NewsflowStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
        this.registryPort = registry.url().getPort();
    }

    /** Starts a broker, then a registry on it; returns when both serve requests. */
    public static NewsflowStack start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build();
        try {
            broker.start();
            NewsflowStack stack = new NewsflowStack(broker, startRegistry(broker.bootstrapServers(), 0));
            log.info("newsflow test stack ready: kafka {}, schema registry {}",
                    stack.bootstrapServers(), stack.schemaRegistryUrl());
            return stack;
        } catch (RuntimeException e) {
            closeAfterFailure(broker, e);
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's base URL, e.g. {@code http://127.0.0.1:40123}; unchanged by {@link #restartRegistry()}. */
    public synchronized String schemaRegistryUrl() {
        return registry.url().toString();
    }

    /** The broker, for tests that stop or restart it. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /**
     * Closes the registry and starts a new one on the same port and the same {@code _schemas} topic, as
     * after a registry crash; the new one serves every schema the old one registered.
     */
    public synchronized void restartRegistry() {
        registry.close();
        registry = startRegistry(bootstrapServers(), registryPort);
    }

    /**
     * Creates topics with one replica. Topics that already exist are left as they are, so tests sharing
     * a stack may each declare the topics they use.
     */
    public synchronized void createTopics(int partitions, String... topics) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        List<NewTopic> newTopics = Arrays.stream(topics)
                .map(topic -> new NewTopic(Objects.requireNonNull(topic, "topic"), partitions, (short) 1))
                .toList();
        CreateTopicsResult result = admin().createTopics(newTopics);
        for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + entry.getKey(), e.getCause());
                }
                log.debug("Topic {} already exists", entry.getKey());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + entry.getKey(), e);
            }
        }
    }

    /** The serializer and deserializer settings that point newsflow's Avro serdes at this registry. */
    public Map<String, Object> serdeConfig() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl());
    }

    /** A {@link TopicReader} on this broker (read_committed) with the given deserializers. */
    public <K, V> TopicReader<K, V> reader(Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        return TopicReader.of(bootstrapServers(), keyDeserializer, valueDeserializer);
    }

    /** Closes the registry, then the broker, and deletes the broker's data. */
    @Override
    public synchronized void close() {
        try {
            if (admin != null) {
                admin.close(ADMIN_CLOSE_TIMEOUT);
            }
        } finally {
            try {
                registry.close();
            } finally {
                broker.close();
            }
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    private static SchemaRegistryServer startRegistry(String bootstrapServers, int port) {
        RegistryServerConfig config = RegistryServerConfig.builder()
                .port(port)
                .bootstrapServers(bootstrapServers)
                .topic(SCHEMAS_TOPIC)
                .build();
        try {
            return SchemaRegistryServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the schema registry on port " + port, e);
        }
    }

    private static void closeAfterFailure(EmbeddedKafkaBroker broker, RuntimeException failure) {
        try {
            broker.close();
        } catch (RuntimeException closing) {
            failure.addSuppressed(closing);
        }
    }
}
