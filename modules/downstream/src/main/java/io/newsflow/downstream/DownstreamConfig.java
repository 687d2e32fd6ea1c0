package io.newsflow.downstream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;

import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.Topics;

/**
 * Settings of the downstream application: its own {@code downstream.*} keys, declared here, on top of a
 * {@link NewsflowConfig} built from the same values, so one properties file configures the pipeline and its
 * downstream consumers. The pipeline's topic names are read from the pipeline's keys; the downstream runs under
 * its own application id so it scales, and resets, independently of the pipeline.
 */
public final class DownstreamConfig extends AbstractConfig {

    public static final String APPLICATION_ID = "downstream.application.id";
    public static final String TOPIC_ENTITY_MENTIONS = "downstream.topics.entity-mentions";
    public static final String TOPIC_ENTITY_TRENDS = "downstream.topics.entity-trends";
    public static final String TRENDS_GRACE_MS = "downstream.trends.grace.ms";
    public static final String TRENDS_RETENTION_MS = "downstream.trends.retention.ms";
    public static final String HTTP_BIND_ADDRESS = "downstream.http.bind.address";
    public static final String HTTP_ADVERTISED_HOST = "downstream.http.advertised.host";
    public static final String HTTP_PORT = "downstream.http.port";
    public static final String QUERY_TIMEOUT_MS = "downstream.query.timeout.ms";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "newsflow-downstream", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Kafka Streams application id of the downstream application (not the "
                            + "pipeline's application.id): its consumer group and the prefix of its internal topics.")
            .define(TOPIC_ENTITY_MENTIONS, Type.STRING, "news.entity-mentions", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Output topic of EntityMention records, keyed by entity 'TYPE:canonical'.")
            .define(TOPIC_ENTITY_TRENDS, Type.STRING, "news.entity-trends", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Output topic of final EntityTrend window counts, keyed by entity.")
            .define(TRENDS_GRACE_MS, Type.LONG, Duration.ofMinutes(10).toMillis(), Range.atLeast(0),
                    Importance.MEDIUM, "How late (event time) an article may arrive and still count in its "
                            + "windows; windows are emitted to the trends topic once this has passed.")
            .define(TRENDS_RETENTION_MS, Type.LONG, Duration.ofDays(2).toMillis(),
                    Range.atLeast(Duration.ofMinutes(1).toMillis()), Importance.LOW,
                    "How long window counts stay queryable (raised to window size plus grace when smaller).")
            .define(HTTP_BIND_ADDRESS, Type.STRING, "0.0.0.0", Importance.MEDIUM,
                    "Address the interactive-query HTTP server listens on.")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, "localhost", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Host name other instances use to reach this one (its application.server).")
            .define(HTTP_PORT, Type.INT, 7070, Range.between(0, 65_535), Importance.MEDIUM,
                    "Port of the interactive-query HTTP server; 0 picks a free one.")
            .define(QUERY_TIMEOUT_MS, Type.LONG, 5_000L, Range.atLeast(1), Importance.LOW,
                    "How long a query forwarded to another instance may take.");

    private final NewsflowConfig newsflow;

    public DownstreamConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
        Map<String, Object> pipeline = new HashMap<>(values);
        pipeline.put(NewsflowConfig.APPLICATION_ID, getString(APPLICATION_ID));
        this.newsflow = new NewsflowConfig(pipeline);
    }

    /**
     * Merges the sources like {@link NewsflowConfig#load}, lowest precedence first: defaults,
     * {@code propertiesFile} (may be null), {@code NEWSFLOW_*} variables (e.g. {@code NEWSFLOW_DOWNSTREAM_HTTP_PORT}
     * for {@value #HTTP_PORT}), then {@code flags}.
     */
    public static DownstreamConfig load(Path propertiesFile, Map<String, String> environment, Map<String, ?> flags) {
        Map<String, Object> merged = new HashMap<>(NewsflowConfig.load(propertiesFile, environment, Map.of())
                .originals());
        for (String key : DEFINITION.names()) {
            String value = environment.get(NewsflowConfig.environmentVariable(key));
            if (value != null) {
                merged.put(key, value);
            }
        }
        flags.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return new DownstreamConfig(merged);
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public static List<ConfigDef.ConfigKey> keys() {
        return List.copyOf(DEFINITION.configKeys().values());
    }

    /** The shared settings (brokers, registry, serde, pipeline topics), with the downstream's application id. */
    public NewsflowConfig newsflow() {
        return newsflow;
    }

    public Topics pipelineTopics() {
        return newsflow.topics();
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String entityMentionsTopic() {
        return getString(TOPIC_ENTITY_MENTIONS);
    }

    public String entityTrendsTopic() {
        return getString(TOPIC_ENTITY_TRENDS);
    }

    public Duration trendsGrace() {
        return Duration.ofMillis(getLong(TRENDS_GRACE_MS));
    }

    public Duration trendsRetention() {
        return Duration.ofMillis(getLong(TRENDS_RETENTION_MS));
    }

    public String httpBindAddress() {
        return getString(HTTP_BIND_ADDRESS);
    }

    public String httpAdvertisedHost() {
        return getString(HTTP_ADVERTISED_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public Duration queryTimeout() {
        return Duration.ofMillis(getLong(QUERY_TIMEOUT_MS));
    }

    /**
     * Kafka Streams properties for an instance reachable at {@code advertisedPort}. The pipeline's exception
     * handlers write dead letters, which is wrong here (the downstream reads the dead-letter topic itself):
     * a record it cannot read is logged and skipped, and counted in Streams' skipped-records metric, unless the
     * user chose handlers with {@code streams.*} keys.
     */
    public Properties streamsProperties(int advertisedPort) {
        Properties props = newsflow.streamsProperties();
        setUnlessOverridden(props, StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        setUnlessOverridden(props, StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndFailProcessingExceptionHandler.class.getName());
        setUnlessOverridden(props, StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DefaultProductionExceptionHandler.class.getName());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, httpAdvertisedHost() + ":" + advertisedPort);
        return props;
    }

    private void setUnlessOverridden(Properties props, String key, String value) {
        if (!originals().containsKey(NewsflowConfig.STREAMS_PREFIX + key)) {
            props.put(key, value);
        }
    }
}
