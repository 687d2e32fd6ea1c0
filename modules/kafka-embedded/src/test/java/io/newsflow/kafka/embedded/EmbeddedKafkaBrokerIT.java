/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One broker shared by the class: topics, plain produce/consume and transactions against a real broker. */
class EmbeddedKafkaBrokerIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void bootstrapAddressIsOnLoopback() {
        assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void createsTopicAndDeliversRecords() throws Exception {
        createTopic("wire-stories", 3);
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains("wire-stories");
            assertThat(admin.describeTopics(Set.of("wire-stories")).allTopicNames().get()
                    .get("wire-stories").partitions()).hasSize(3);
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("wire-stories", "story-" + i, "Harbour reopens, part " + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> records = readAll("wire-stories", "read_uncommitted", 10);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("story-0", "story-1", "story-2", "story-3", "story-4",
                        "story-5", "story-6", "story-7", "story-8", "story-9");
        assertThat(records).filteredOn(r -> r.key().equals("story-7"))
                .extracting(ConsumerRecord::value).containsExactly("Harbour reopens, part 7");
    }

    @Test
    void readCommittedSeesCommittedTransactionsOnly() throws Exception {
        createTopic("desk-edits", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "desk-editor-1"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("desk-edits", "a1", "kept headline"));
            producer.send(new ProducerRecord<>("desk-edits", "a2", "kept body"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("desk-edits", "a3", "spiked story"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("desk-edits", "a4", "late correction"));
            producer.commitTransaction();
        }

        // Aborted data and transaction markers take offsets too: read to the end, then compare.
        List<ConsumerRecord<String, String>> committed = readAll("desk-edits", "read_committed", 3);
        assertThat(committed).extracting(ConsumerRecord::key).containsExactly("a1", "a2", "a4");

        List<ConsumerRecord<String, String>> everything = readAll("desk-edits", "read_uncommitted", 4);
        assertThat(everything).extracting(ConsumerRecord::key).containsExactly("a1", "a2", "a3", "a4");
    }

    private static void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Reads every partition from the beginning up to its end offset at the time of the call. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String isolation, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records read from %s", topic).hasSize(expected);
            return records;
        }
    }
}
