/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data and the bootstrap address survive a restart; a named log directory survives a new instance. */
class BrokerRestartIT {

    @Test
    void restartKeepsDataAndAddress() throws Exception {
        Path logDir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            String address = broker.bootstrapServers();
            createTopic(address, "overnight-wires");
            produce(address, "overnight-wires", "first edition", "second edition");

            broker.restart();

            assertThat(broker.bootstrapServers()).isEqualTo(address);
            assertThat(BrokerRecords.readValues(address, "overnight-wires", 2))
                    .containsExactly("first edition", "second edition");

            // The restarted broker keeps taking writes on the same topic.
            produce(address, "overnight-wires", "late edition");
            assertThat(BrokerRecords.readValues(address, "overnight-wires", 3))
                    .containsExactly("first edition", "second edition", "late edition");
            logDir = findTemporaryLogDir(broker);
        }
        assertThat(logDir).doesNotExist();
    }

    @Test
    void stopThenStartServesTheSameAddress() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            String address = broker.bootstrapServers();
            createTopic(address, "morning-briefs");
            broker.stop();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            broker.start();
            produce(address, "morning-briefs", "markets open higher");
            assertThat(BrokerRecords.readValues(address, "morning-briefs", 1)).containsExactly("markets open higher");
        }
    }

    @Test
    void namedLogDirIsReusedByANewBrokerAndKeptOnClose(@TempDir Path dir) throws Exception {
        Path logDir = dir.resolve("kafka-data");
        int port = LoopbackPorts.free();
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().logDir(logDir).port(port).build().start()) {
            assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            createTopic(first.bootstrapServers(), "archive");
            produce(first.bootstrapServers(), "archive", "kept across runs");
        }
        assertThat(logDir.resolve("meta.properties")).exists();
        String clusterIdLine = clusterIdLine(logDir);

        // A new instance, as on the next `newsflow dev`: same data, new controller port, no reformat.
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().logDir(logDir).port(port).build().start()) {
            assertThat(BrokerRecords.readValues(second.bootstrapServers(), "archive", 1))
                    .containsExactly("kept across runs");
        }
        assertThat(clusterIdLine(logDir)).isEqualTo(clusterIdLine);
        assertThat(logDir).isDirectory();
    }

    private static String clusterIdLine(Path logDir) throws Exception {
        return Files.readAllLines(logDir.resolve("meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id=")).findFirst().orElseThrow();
    }

    private static Path findTemporaryLogDir(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            String dir = admin.describeLogDirs(List.of(SingleNodeSettings.NODE_ID)).allDescriptions().get()
                    .get(SingleNodeSettings.NODE_ID).keySet().iterator().next();
            return Path.of(dir);
        }
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(String bootstrap, String topic, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }
}
