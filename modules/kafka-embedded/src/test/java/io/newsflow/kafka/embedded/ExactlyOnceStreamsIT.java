/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Streams with {@code exactly_once_v2} needs the transaction coordinator of a one-node cluster to work. */
class ExactlyOnceStreamsIT {

    @Test
    void exactlyOnceTopologyCommitsItsOutput(@TempDir Path stateDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("headlines", 1, (short) 1),
                        new NewTopic("headlines-shouted", 1, (short) 1))).all().get();
            }

            StreamsBuilder topology = new StreamsBuilder();
            topology.stream("headlines", Consumed.with(Serdes.String(), Serdes.String()))
                    .mapValues(headline -> headline.toUpperCase(Locale.ROOT))
                    .to("headlines-shouted", Produced.with(Serdes.String(), Serdes.String()));

            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "headline-shouter");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");

            try (KafkaStreams streams = new KafkaStreams(topology.build(), config);
                 KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
                streams.start();
                producer.send(new ProducerRecord<>("headlines", "h1", "floods close river road")).get();
                producer.send(new ProducerRecord<>("headlines", "h2", "council approves budget")).get();

                // BrokerRecords reads read_committed: output appears only once Streams commits its transaction.
                assertThat(BrokerRecords.readValues(bootstrap, "headlines-shouted", 2))
                        .containsExactly("FLOODS CLOSE RIVER ROAD", "COUNCIL APPROVES BUDGET");
                await().atMost(Duration.ofSeconds(10)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
                streams.close(Duration.ofSeconds(10));
            }
        }
    }
}
