/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the Avro serdes and the registry client, under Confluent's key names so that one
 * config map works with either implementation. Keys this class does not define (Kafka Streams
 * settings, producer settings...) are ignored.
 */
public class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    /** Confluent's serde-level alias of {@link #USER_INFO_CONFIG}. */
    public static final String SCHEMA_REGISTRY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE_CONFIG = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE_CONFIG = "specific.avro.value.type";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG = "avro.use.logical.type.converters";
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    public static final String RETRIES_WAIT_MS_CONFIG = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS_CONFIG = "retries.max.wait.ms";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    public static final String CREDENTIALS_SOURCE_URL = "URL";
    public static final String CREDENTIALS_SOURCE_USER_INFO = "USER_INFO";

    /** Confluent's strategy class names, mapped to ours so that existing configs keep working. */
    private static final Map<String, Class<? extends SubjectNameStrategy>> KNOWN_STRATEGIES = Map.of(
            "io.confluent.kafka.serializers.subject.TopicNameStrategy", TopicNameStrategy.class,
            "io.confluent.kafka.serializers.subject.RecordNameStrategy", RecordNameStrategy.class,
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", TopicRecordNameStrategy.class,
            "TopicNameStrategy", TopicNameStrategy.class,
            "RecordNameStrategy", RecordNameStrategy.class,
            "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated registry URLs, tried in turn; mock://<scope> selects an in-memory registry.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema when serializing; if false it must already be registered.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                    "Serialize with the latest registered version of the subject instead of the record's schema.")
            .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                    "With use.latest.version, refuse records the latest schema cannot read.")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, -1L, Importance.LOW,
                    "How long the latest version is cached, in seconds; -1 caches it for the serializer's life.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, CREDENTIALS_SOURCE_URL,
                    ConfigDef.CaseInsensitiveValidString.in(CREDENTIALS_SOURCE_URL, CREDENTIALS_SOURCE_USER_INFO),
                    Importance.MEDIUM, "Where HTTP basic-auth credentials come from: URL user-info or basic.auth.user.info.")
            .define(USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, "user:password for USER_INFO.")
            .define(SCHEMA_REGISTRY_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.LOW,
                    "Alias of basic.auth.user.info.")
            .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Deserialize into generated SpecificRecord classes instead of GenericRecord.")
            .define(SPECIFIC_AVRO_KEY_TYPE_CONFIG, Type.CLASS, null, Importance.LOW,
                    "SpecificRecord class to read keys into, instead of the class named by the writer schema.")
            .define(SPECIFIC_AVRO_VALUE_TYPE_CONFIG, Type.CLASS, null, Importance.LOW,
                    "SpecificRecord class to read values into, instead of the class named by the writer schema.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TopicNameStrategy.class.getName(), Importance.LOW,
                    "Subject name strategy for keys: Confluent's class names, ours, or a short name.")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TopicNameStrategy.class.getName(), Importance.LOW,
                    "Subject name strategy for values: Confluent's class names, ours, or a short name.")
            .define(AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Convert logical types (timestamps, decimals...) to Java types in generic records.")
            .define(MAX_RETRIES_CONFIG, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retries of a registry request after a connection error or 5xx, across all URLs.")
            .define(RETRIES_WAIT_MS_CONFIG, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "First backoff between registry retries; doubles each retry.")
            .define(RETRIES_MAX_WAIT_MS_CONFIG, Type.LONG, 20_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Upper bound of one backoff between registry retries.")
            .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 60_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Registry connect timeout.")
            .define(HTTP_READ_TIMEOUT_MS, Type.INT, 60_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Registry request timeout.");

    public AvroSerdeConfig(Map<String, ?> props) {
        super(CONFIG, normalised(props), false);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public List<String> registryUrls() {
        return getList(SCHEMA_REGISTRY_URL_CONFIG);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
    }

    public long latestCacheTtlSeconds() {
        return getLong(LATEST_CACHE_TTL_SEC);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }

    public boolean useLogicalTypeConverters() {
        return getBoolean(AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG);
    }

    /** The class configured to read keys or values into, or null to follow the writer schema's name. */
    public Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE_CONFIG : SPECIFIC_AVRO_VALUE_TYPE_CONFIG);
    }

    public String credentialsSource() {
        return getString(BASIC_AUTH_CREDENTIALS_SOURCE).toUpperCase(Locale.ROOT);
    }

    /** {@code user:password} from {@code basic.auth.user.info} or its alias, or null when neither is set. */
    public String userInfo() {
        Password userInfo = getPassword(USER_INFO_CONFIG);
        if (userInfo == null || userInfo.value().isEmpty()) {
            userInfo = getPassword(SCHEMA_REGISTRY_USER_INFO_CONFIG);
        }
        return userInfo == null || userInfo.value().isEmpty() ? null : userInfo.value();
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    public long retriesWaitMs() {
        return getLong(RETRIES_WAIT_MS_CONFIG);
    }

    public long retriesMaxWaitMs() {
        return getLong(RETRIES_MAX_WAIT_MS_CONFIG);
    }

    public int connectTimeoutMs() {
        return getInt(HTTP_CONNECT_TIMEOUT_MS);
    }

    public int readTimeoutMs() {
        return getInt(HTTP_READ_TIMEOUT_MS);
    }

    /** A fresh instance of the key or value subject name strategy. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        String name = getString(key).trim();
        Class<?> type = KNOWN_STRATEGIES.get(name);
        if (type == null) {
            type = loadStrategyClass(key, name);
        }
        if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
            throw new ConfigException(key, name, "does not implement " + SubjectNameStrategy.class.getName());
        }
        try {
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, name, "cannot be instantiated with a no-argument constructor: " + e);
        }
    }

    private static Class<?> loadStrategyClass(String key, String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, true, loader != null ? loader : AvroSerdeConfig.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "unknown subject name strategy; use TopicNameStrategy, "
                    + "RecordNameStrategy, TopicRecordNameStrategy or a class implementing "
                    + SubjectNameStrategy.class.getName());
        }
    }

    /** Accepts strategy classes as Class objects as well as names, as Confluent's CLASS-typed keys do. */
    private static Map<String, Object> normalised(Map<String, ?> props) {
        Map<String, Object> copy = new HashMap<>(props);
        for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY)) {
            if (copy.get(key) instanceof Class<?> type) {
                copy.put(key, type.getName());
            }
        }
        return copy;
    }
}
