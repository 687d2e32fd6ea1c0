package io.newsflow.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.streams.NewsflowConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow consume}: print a topic's Avro records as JSON lines (read_committed). */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Read a topic and print each record as one JSON line: {topic, partition, offset, key, value}.")
final class ConsumeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = {"-t", "--topic"}, required = true, paramLabel = "TOPIC", description = "Topic to read.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records (default: run until Ctrl-C).")
    Long max;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop when no record arrived for this long (0: never; default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Override
    public Integer call() {
        NewsflowConfig config = options.load(Map.of());
        long printed = 0;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProperties(config),
                new StringDeserializer(), deserializer(config))) {
            consumer.subscribe(List.of(topic));
            long idleSince = System.nanoTime();
            while (max == null || printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (idleTimeoutSeconds > 0
                            && Duration.ofNanos(System.nanoTime() - idleSince).toSeconds() >= idleTimeoutSeconds) {
                        break;
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                for (ConsumerRecord<String, Object> record : records) {
                    out.println(RecordJson.toJsonLine(envelope(record)));
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private static ObjectNode envelope(ConsumerRecord<String, Object> record) {
        ObjectNode node = RecordJson.MAPPER.createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("key", record.key());
        node.set("value", RecordJson.toJson(record.value()));
        return node;
    }

    private Properties consumerProperties(NewsflowConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-consume-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    private static KafkaAvroDeserializer deserializer(NewsflowConfig config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config.serdeConfig(), false);
        return deserializer;
    }
}
