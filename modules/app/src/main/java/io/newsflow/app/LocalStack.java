package io.newsflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.registry.RegistryServerConfig;
import io.newsflow.registry.SchemaRegistryServer;

/**
 * newsflow's embedded default: a real single-node Kafka broker and the local schema registry on it, both on
 * loopback. {@code dev} keeps their data in a directory; {@code demo} uses temporary data and free ports.
 */
final class LocalStack implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private LocalStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** @param dataDir where the broker keeps its log, or null for a temporary directory deleted on close */
    static LocalStack start(Path dataDir, int kafkaPort, int registryPort) {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().port(kafkaPort);
        if (dataDir != null) {
            builder.logDir(dataDir.resolve("kafka"));
        }
        EmbeddedKafkaBroker broker = builder.build();
        try {
            broker.start();
            SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryServerConfig.builder().port(registryPort).bootstrapServers(broker.bootstrapServers()).build());
            return new LocalStack(broker, registry);
        } catch (IOException e) {
            broker.close();
            throw new UncheckedIOException("Schema registry failed to start on port " + registryPort, e);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return registry.url().toString();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
