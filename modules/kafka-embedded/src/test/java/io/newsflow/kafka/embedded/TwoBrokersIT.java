/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Two independent brokers in one JVM: separate ports, separate clusters, separate data. */
class TwoBrokersIT {

    @Test
    void twoBrokersRunSideBySide() throws Exception {
        try (EmbeddedKafkaBroker eu = EmbeddedKafkaBroker.builder().build().start();
             EmbeddedKafkaBroker us = EmbeddedKafkaBroker.builder().build().start()) {
            assertThat(eu.bootstrapServers()).isNotEqualTo(us.bootstrapServers());

            publish(eu.bootstrapServers(), "desk", "Brussels summit ends");
            publish(us.bootstrapServers(), "desk", "Senate passes budget");

            assertThat(BrokerRecords.readValues(eu.bootstrapServers(), "desk", 1)).containsExactly("Brussels summit ends");
            assertThat(BrokerRecords.readValues(us.bootstrapServers(), "desk", 1)).containsExactly("Senate passes budget");
            assertThat(clusterId(eu)).isNotEqualTo(clusterId(us));
        }
    }

    private static void publish(String bootstrap, String topic, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static String clusterId(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }
}
