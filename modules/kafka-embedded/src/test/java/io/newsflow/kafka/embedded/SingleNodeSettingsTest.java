/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class SingleNodeSettingsTest {

    private static final Path LOG_DIR = Path.of("/var/tmp/newsflow-kafka-test");

    @Test
    void listenersUseLoopbackAndTheGivenPorts() {
        Properties props = SingleNodeSettings.forNode(LOG_DIR, 19092, 19093, Map.of());

        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(props.getProperty("log.dirs")).isEqualTo(LOG_DIR.toAbsolutePath().toString());
    }

    @Test
    void kafkaAcceptsTheSettingsAsACombinedNode() {
        KafkaConfig config = KafkaConfig.fromProps(SingleNodeSettings.forNode(LOG_DIR, 19092, 19093, Map.of()), false);

        assertThat(config.getList("process.roles")).containsExactlyInAnyOrder("broker", "controller");
        assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
        assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
        assertThat(config.getBoolean("auto.create.topics.enable")).isFalse();
    }

    @Test
    void callerPropertiesOverrideDefaults() {
        Properties props = SingleNodeSettings.forNode(LOG_DIR, 19092, 19093,
                Map.of("auto.create.topics.enable", "true", "log.retention.ms", "1000"));

        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(props.getProperty("log.retention.ms")).isEqualTo("1000");
    }

    @Test
    void builderRejectsInvalidPorts() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().port(9092).controllerPort(9092).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
