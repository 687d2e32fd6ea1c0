package io.newsflow.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.newsflow.streams.NewsflowConfig;
import picocli.CommandLine.Option;

/**
 * The options every Kafka-facing command shares. Flags map onto {@link NewsflowConfig} keys; what is not
 * given falls back to {@code NEWSFLOW_*} environment variables, then the properties file, then defaults.
 */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with newsflow settings (keys as in the README's configuration table).")
    Path configFile;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (default: 127.0.0.1:9092, or NEWSFLOW_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = {"-r", "--schema-registry-url"}, paramLabel = "URL[,...]",
            description = "Schema registry URL(s) (default: http://127.0.0.1:8081, or NEWSFLOW_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any newsflow setting, or streams.<kafka-streams-key>=VALUE; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Flags given on this command line, as configuration keys. */
    Map<String, Object> flags() {
        Map<String, Object> flags = new HashMap<>(settings);
        if (bootstrapServers != null) {
            flags.put(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put(NewsflowConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return flags;
    }

    NewsflowConfig load(Map<String, Object> commandFlags) {
        Map<String, Object> all = new HashMap<>(flags());
        all.putAll(commandFlags);
        return NewsflowConfig.load(configFile, System.getenv(), all);
    }
}
