/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension gives every test of a class (and its nested classes) the same running stack. */
class NewsflowStackExtensionIT {

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @Test
    void injectsTheSameStackTheFieldExposes(NewsflowStack injected) {
        assertThat(injected).isSameAs(STACK.stack());
        assertThat(STACK.serdeConfig()).containsEntry("schema.registry.url", STACK.schemaRegistryUrl());
    }

    @Test
    void stackTakesRecords() throws Exception {
        STACK.stack().createTopics(1, "sports-desk");
        STACK.stack().createTopics(1, "sports-desk");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("sports-desk", "m1", "Home side wins derby")).get();
        }
        assertThat(TopicReader.strings(STACK.bootstrapServers()).readValuesUntil("sports-desk", 1))
                .containsExactly("Home side wins derby");
    }

    @Nested
    class InANestedClass {

        @Test
        void seesTheOuterStack(NewsflowStack injected) {
            assertThat(injected).isSameAs(STACK.stack());
            assertThat(injected.bootstrapServers()).isEqualTo(STACK.bootstrapServers());
        }
    }
}
