/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The defaults other modules rely on, and the values the config refuses. */
class RegistryServerConfigTest {

    @Test
    void defaultsAreAnInMemoryBackwardRegistryOnAFreeLoopbackPort() {
        RegistryServerConfig config = RegistryServerConfig.defaults();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.bootstrapServers()).isNull();
        assertThat(config.usesKafkaStore()).isFalse();
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void aBootstrapAddressSelectsTheKafkaStore() {
        RegistryServerConfig config = RegistryServerConfig.defaults("127.0.0.1:9092");

        assertThat(config.usesKafkaStore()).isTrue();
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void theFiveValueConstructorFillsNullsWithDefaults() {
        RegistryServerConfig config = new RegistryServerConfig(null, 8081, " ", null, null);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.usesKafkaStore()).isFalse();
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void theBuilderSetsEveryValue() {
        RegistryServerConfig config = RegistryServerConfig.builder().host("0.0.0.0").port(18081)
                .bootstrapServers("broker:9092").topic("_newsflow_schemas")
                .defaultCompatibility(CompatibilityLevel.FULL).replicationFactor(3).build();

        assertThat(config).isEqualTo(new RegistryServerConfig("0.0.0.0", 18081, "broker:9092", "_newsflow_schemas",
                CompatibilityLevel.FULL, (short) 3));
    }

    @Test
    void refusesImpossiblePortsAndReplicationFactors() {
        assertThatThrownBy(() -> RegistryServerConfig.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> RegistryServerConfig.builder().replicationFactor(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicationFactor");
    }

    @Test
    void levelsParseCaseInsensitivelyAndRejectUnknownNames() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" Backward ")).contains(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }
}
