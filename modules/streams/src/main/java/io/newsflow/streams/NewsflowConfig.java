package io.newsflow.streams;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every newsflow setting, declared once with type, default, documentation and validator (in the spirit of
 * Kafka's {@code StreamsConfig}). Values come, lowest precedence first, from the defaults, a properties file,
 * {@code NEWSFLOW_*} environment variables and command-line flags; {@link #load} merges them and validation
 * fails with one {@link ConfigException} naming the key, the value and what is allowed.
 *
 * <p>No key starts with a prefix Kafka Streams reserves ({@code topic.}, {@code consumer.}, {@code producer.}…):
 * newsflow's keys travel in the Streams configuration to its exception handlers and serdes.
 * Keys starting with {@value #STREAMS_PREFIX} are handed to Kafka Streams unchanged (without the prefix),
 * and so are the serde's registry keys ({@code schema.registry.url}, {@code basic.auth.*}), so the same file
 * can configure Confluent's serde when a user swaps it in by class name.
 */
public final class NewsflowConfig extends AbstractConfig {

    public static final String STREAMS_PREFIX = "streams.";
    public static final String ENV_PREFIX = "NEWSFLOW_";

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "application.id";
    public static final String TOPIC_RAW = "topics.raw";
    public static final String TOPIC_ENRICHED = "topics.enriched";
    public static final String TOPIC_DUPLICATES = "topics.duplicates";
    public static final String TOPIC_DEAD_LETTER = "topics.dead-letter";
    public static final String TOPIC_PARTITIONS = "topics.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPIC_CREATE = "topics.create";
    public static final String MAX_RECORD_BYTES = "topics.max.message.bytes";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String NUM_STREAM_THREADS = "num.stream.threads";
    public static final String STATE_DIR = "state.dir";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String DEDUP_RETENTION_MS = "dedup.retention.ms";
    public static final String DEDUP_SETTLE_MS = "dedup.settle.ms";
    public static final String TEMPLATE_RETENTION_MS = "clean.template.retention.ms";
    public static final String MAX_BODY_BYTES = "article.max.body.bytes";
    public static final String VALUE_SERDE_CLASS = "value.serde.class";
    public static final String TAGGER_ENABLED = "tag.enabled";
    public static final String TAG_THREADS = "tag.threads";
    public static final String PIPELINE_VERSION = "pipeline.version";
    public static final String STARTUP_TIMEOUT_MS = "startup.timeout.ms";

    public static final String DEFAULT_VALUE_SERDE = "io.newsflow.serde.SpecificAvroSerde";
    /** The stream threads' consumer's {@code max.partition.fetch.bytes} (see {@link #streamsProperties}). */
    static final int MAIN_CONSUMER_FETCH_BYTES = 64 * 1024;

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "127.0.0.1:9092", Importance.HIGH,
                    "Kafka bootstrap servers, host:port[,host:port...].")
            .define(SCHEMA_REGISTRY_URL, Type.LIST, "http://127.0.0.1:8081", Importance.HIGH,
                    "Schema registry URL(s): newsflow's local registry, Confluent Schema Registry or any "
                            + "compatible server; mock://scope for tests.")
            .define(APPLICATION_ID, Type.STRING, "newsflow", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka Streams application id: consumer group, and prefix of internal topics and state.")
            .define(TOPIC_RAW, Type.STRING, "news.raw", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Input topic of RawArticle records.")
            .define(TOPIC_ENRICHED, Type.STRING, "news.enriched", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Output topic of EnrichedArticle records, keyed by article id.")
            .define(TOPIC_DUPLICATES, Type.STRING, "news.duplicates", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Output topic of DuplicateArticle records.")
            .define(TOPIC_DEAD_LETTER, Type.STRING, "news.dead-letter", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Dead-letter topic: DeadLetter records with the original bytes and reason.")
            .define(TOPIC_PARTITIONS, Type.INT, 4, Range.between(1, 10_000), Importance.MEDIUM,
                    "Partitions of topics newsflow creates when they are missing.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Range.between(1, 32), Importance.MEDIUM,
                    "Replication factor of topics newsflow creates (also used for internal topics).")
            .define(MAX_RECORD_BYTES, Type.INT, 16 << 20, Range.between(1 << 20, 256 << 20), Importance.LOW,
                    "Largest record newsflow's topics accept (max.message.bytes of topics it creates, and the "
                            + "producer's max.request.size): an oversized article must reach the pipeline to be "
                            + "dead-lettered with its bytes, not be refused by the broker.")
            .define(TOPIC_CREATE, Type.BOOLEAN, true, Importance.LOW,
                    "Create the input and output topics at start when they are missing.")
            .define(PROCESSING_GUARANTEE, Type.STRING, StreamsConfig.EXACTLY_ONCE_V2,
                    ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), Importance.MEDIUM,
                    "exactly_once_v2 (default) or at_least_once.")
            .define(NUM_STREAM_THREADS, Type.INT, 1, Range.between(1, 256), Importance.MEDIUM,
                    "Stream threads per instance; they share one entity tagger.")
            .define(STATE_DIR, Type.STRING, defaultStateDir(), Importance.MEDIUM,
                    "Directory of local state stores.")
            // An article crosses two internal topics, each visible only after a commit, and each exactly-once
            // commit writes a marker to every partition its transaction touched (up to ~40 with 4 partitions): the
            // interval trades latency for throughput. `newsflow bench`, tagger on its own thread: 50 ms, paced
            // p99 262-301 ms and pipeline / tagger-only 0.82-0.88; 75 ms, 289-350 ms and 0.54-0.87 (no clear
            // gain); 100 ms, 532 ms and 0.92.
            .define(COMMIT_INTERVAL_MS, Type.LONG, 50L, Range.atLeast(1), Importance.LOW,
                    "How often Kafka Streams commits (and, under exactly-once, makes output visible): lower for "
                            + "latency, higher for throughput.")
            .define(DEDUP_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(),
                    Range.atLeast(Duration.ofMinutes(1).toMillis()), Importance.MEDIUM,
                    "How long an article stays in the dedup stores: copies arriving later are not detected.")
            .define(DEDUP_SETTLE_MS, Type.LONG, 0L, Range.between(0, 60_000), Importance.LOW,
                    "How long a new story waits before it is emitted, so that a copy with an older timestamp that "
                            + "is processed soon after it becomes the published one instead. Either way each story "
                            + "is published once (a late older copy of a published story is reported as its "
                            + "duplicate); this only prefers the oldest copy, at this much added latency.")
            .define(TEMPLATE_RETENTION_MS, Type.LONG, Duration.ofDays(30).toMillis(),
                    Range.atLeast(Duration.ofMinutes(1).toMillis()), Importance.LOW,
                    "A source's learned boilerplate template is dropped when the source is silent this long.")
            .define(MAX_BODY_BYTES, Type.INT, 1 << 20, Range.between(1024, 64 << 20), Importance.MEDIUM,
                    "Articles whose body is larger (UTF-8 bytes) go to the dead-letter topic.")
            .define(VALUE_SERDE_CLASS, Type.STRING, DEFAULT_VALUE_SERDE, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Avro serde class for topic values, e.g. Confluent's "
                            + "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde; configured with this "
                            + "whole configuration.")
            .define(STARTUP_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(1_000, 600_000), Importance.LOW,
                    "How long to wait for Kafka at start before giving up with an error.")
            .define(TAGGER_ENABLED, Type.BOOLEAN, true, Importance.LOW,
                    "Tag named entities (needs the CoreNLP model on the classpath).")
            // Tagging beside the stream thread rather than on it: pipeline / tagger-only 0.82-0.88 (median 0.83)
            // against 0.50-0.75 (median 0.65) with tagging on the stream thread (`newsflow bench`, 2 cores).
            .define(TAG_THREADS, Type.INT, -1, Range.between(-1, 256), Importance.MEDIUM,
                    "Threads that tag entities, shared by the instance's stream threads, which meanwhile go on "
                            + "reading, deduplicating and committing; articles waiting for them are kept in a "
                            + "changelogged store, so none is lost or emitted twice. -1 (default): one per stream "
                            + "thread; 0: tag on the stream threads themselves.")
            .define(PIPELINE_VERSION, Type.STRING, NewsflowConfig.class.getPackage().getImplementationVersion() == null
                    ? "dev" : NewsflowConfig.class.getPackage().getImplementationVersion(), Importance.LOW,
                    "Written into every enriched record.");

    private final Map<String, String> originalStrings;

    public NewsflowConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((key, value) -> strings.put(key, value == null ? null : String.valueOf(value)));
        this.originalStrings = Map.copyOf(strings.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * Merges the sources, lowest precedence first: defaults, {@code propertiesFile} (may be null),
     * {@code NEWSFLOW_*} variables of {@code environment}, then {@code flags}.
     */
    public static NewsflowConfig load(Path propertiesFile, Map<String, String> environment, Map<String, ?> flags) {
        Map<String, Object> merged = new HashMap<>();
        if (propertiesFile != null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(propertiesFile)) {
                properties.load(in);
            } catch (IOException e) {
                throw new ConfigException("Cannot read configuration file " + propertiesFile + ": " + e.getMessage());
            }
            properties.stringPropertyNames().forEach(key -> merged.put(key, properties.getProperty(key)));
        }
        merged.putAll(fromEnvironment(environment));
        flags.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return new NewsflowConfig(merged);
    }

    /** {@code NEWSFLOW_TOPIC_DEAD_LETTER=x} sets {@code topic.dead-letter}: variables map onto declared keys. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> byVariable = new HashMap<>();
        for (String key : DEFINITION.names()) {
            byVariable.put(environmentVariable(key), key);
        }
        Map<String, String> values = new HashMap<>();
        environment.forEach((variable, value) -> {
            String key = byVariable.get(variable);
            if (key != null) {
                values.put(key, value);
            } else if (variable.startsWith(ENV_PREFIX + "STREAMS_")) {
                String streamsKey = variable.substring((ENV_PREFIX + "STREAMS_").length())
                        .toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(STREAMS_PREFIX + streamsKey, value);
            }
        });
        return values;
    }

    public static String environmentVariable(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    private static String defaultStateDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "newsflow-state").toString();
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public String schemaRegistryUrl() {
        return String.join(",", getList(SCHEMA_REGISTRY_URL));
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    /**
     * Where the dedup stage sends answers back to itself ({@code <application.id>-dedup-answers}): an internal
     * topic, created at start-up like Kafka Streams' own, even when {@value #TOPIC_CREATE} is false.
     */
    public String dedupAnswersTopic() {
        return applicationId() + "-dedup-answers";
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_RAW), getString(TOPIC_ENRICHED), getString(TOPIC_DUPLICATES),
                getString(TOPIC_DEAD_LETTER));
    }

    public int partitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    public short replicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR);
    }

    public long startupTimeoutMs() {
        return getLong(STARTUP_TIMEOUT_MS);
    }

    public int maxRecordBytes() {
        return getInt(MAX_RECORD_BYTES);
    }

    public boolean createTopics() {
        return getBoolean(TOPIC_CREATE);
    }

    public Duration dedupRetention() {
        return Duration.ofMillis(getLong(DEDUP_RETENTION_MS));
    }

    public Duration dedupSettle() {
        return Duration.ofMillis(getLong(DEDUP_SETTLE_MS));
    }

    public Duration templateRetention() {
        return Duration.ofMillis(getLong(TEMPLATE_RETENTION_MS));
    }

    public int maxBodyBytes() {
        return getInt(MAX_BODY_BYTES);
    }

    /** Tagger threads, -1 resolved to one per stream thread; 0: tagging runs on the stream threads. */
    public int tagThreads() {
        int threads = getInt(TAG_THREADS);
        return threads < 0 ? getInt(NUM_STREAM_THREADS) : threads;
    }

    public boolean taggerEnabled() {
        return getBoolean(TAGGER_ENABLED);
    }

    public String pipelineVersion() {
        return getString(PIPELINE_VERSION);
    }

    public String valueSerdeClass() {
        return getString(VALUE_SERDE_CLASS);
    }

    /** What the serde is configured with: the registry keys plus every key the user gave (unknown ones ignored). */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>(originalStrings);
        serde.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        return serde;
    }

    /** Kafka Streams properties: newsflow's choices, then user overrides from {@value #STREAMS_PREFIX}* keys. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(serdeConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(NUM_STREAM_THREADS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, getLong(COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                io.newsflow.streams.errors.DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                io.newsflow.streams.errors.DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                io.newsflow.streams.errors.DeadLetterProductionHandler.class.getName());
        // Articles are a few KB to 1 MB: let a single record through the producer and the changelogs. (Consumers
        // take a batch larger than their fetch size anyway.)
        props.put(StreamsConfig.producerPrefix("max.request.size"), maxRecordBytes());
        props.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(maxRecordBytes()));
        // Small fetches per partition keep the stages interleaved: with 16 MB ones a backlog of news.raw came in
        // whole ahead of the internal topics, and the stream thread cleaned 2,000 articles (2.8 s) before the
        // first reached the tagger, which idled meanwhile (`newsflow bench`, async-profiler wall clock).
        props.put(StreamsConfig.mainConsumerPrefix("max.partition.fetch.bytes"), MAIN_CONSUMER_FETCH_BYTES);
        // An idle stream thread blocks in poll this long (100 ms by default), and only then emits what the tagger
        // threads finished meanwhile: on a quiet feed every article would wait for it.
        props.put(StreamsConfig.POLL_MS_CONFIG, 10L);
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        // Kafka Streams lingers 100 ms per batch by default: each output waited that long before it was appended,
        // and each exactly-once commit flushed a full linger's worth and waited for it. 5 ms: paced p50 328 -> 286
        // ms, pipeline / tagger-only 0.72 -> 0.78 in `newsflow bench`, same CPU per article.
        props.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        originalStrings.forEach((key, value) -> {
            if (key.startsWith(STREAMS_PREFIX)) {
                props.put(key.substring(STREAMS_PREFIX.length()), value);
            }
        });
        return props;
    }

    /** Declared keys and their documentation, for {@code --help} texts and the README. */
    public static List<ConfigDef.ConfigKey> keys() {
        return List.copyOf(DEFINITION.configKeys().values());
    }
}
