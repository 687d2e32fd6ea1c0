package io.newsflow.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A Kafka cluster and schema registry already running (another JVM on this machine, or a real cluster) for
 * {@link PipelineBenchmark} to use instead of starting an embedded broker and registry in its own JVM. With the
 * broker in the benchmark's JVM, its threads and its JIT compilations share the JVM with the pipeline's; apart,
 * the figures are closer to a deployment's.
 */
public record ExternalCluster(String bootstrapServers, String schemaRegistryUrl) {

    public ExternalCluster {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be given, e.g. 127.0.0.1:9092");
        }
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        String scheme;
        try {
            scheme = new URI(schemaRegistryUrl).getScheme();
        } catch (URISyntaxException e) {
            scheme = null;
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("schema registry URL must be http(s)://host:port, was "
                    + schemaRegistryUrl);
        }
    }
}
