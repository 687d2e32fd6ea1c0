/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicReaderIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("regional", 3, (short) 1),
                    new NewTopic("corrections", 1, (short) 1), new NewTopic("quiet-desk", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = producer(null)) {
            for (int i = 0; i < 12; i++) {
                producer.send(new ProducerRecord<>("regional", i % 3, "town-" + i, "local story " + i)).get();
            }
        }
        try (KafkaProducer<String, String> producer = producer("corrections-desk")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("corrections", "c1", "spelling fixed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("corrections", "c2", "retracted claim"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("corrections", "c3", "date corrected"));
            producer.commitTransaction();
        }
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void readToEndCollectsEveryPartition() {
        List<ConsumerRecord<String, String>> records = TopicReader.strings(broker.bootstrapServers()).readToEnd("regional");

        assertThat(records).hasSize(12);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
        assertThat(records).filteredOn(r -> r.key().equals("town-5"))
                .extracting(ConsumerRecord::value).containsExactly("local story 5");
    }

    @Test
    void readsCommittedRecordsByDefault() {
        TopicReader<String, String> reader = TopicReader.strings(broker.bootstrapServers());

        assertThat(reader.readToEnd("corrections")).extracting(ConsumerRecord::key).containsExactly("c1", "c3");
        assertThat(reader.readUncommitted().readToEnd("corrections"))
                .extracting(ConsumerRecord::key).containsExactly("c1", "c2", "c3");
    }

    @Test
    void readUntilReturnsTheFirstRecordsAndReusesDeserializers() {
        StringDeserializer shared = new StringDeserializer();
        TopicReader<String, String> reader = TopicReader.of(broker.bootstrapServers(), shared, shared);

        assertThat(reader.readUntil("corrections", 1)).extracting(ConsumerRecord::value).containsExactly("spelling fixed");
        assertThat(reader.readValuesUntil("corrections", 2)).containsExactly("spelling fixed", "date corrected");
    }

    @Test
    void readUntilFailsWhenTooFewRecordsArrive() {
        TopicReader<String, String> reader = TopicReader.strings(broker.bootstrapServers()).withDeadline(Duration.ofSeconds(1));

        assertThatThrownBy(() -> reader.readUntil("quiet-desk", 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 1 records on topic quiet-desk");
    }

    @Test
    void missingTopicFailsAtTheDeadline() {
        TopicReader<String, String> reader = TopicReader.strings(broker.bootstrapServers()).withDeadline(Duration.ofSeconds(1));

        assertThatThrownBy(() -> reader.readToEnd("never-created"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("never-created");
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Map<String, Object> config = transactionalId == null
                ? Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())
                : Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
