/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Confluent's keys and defaults are understood; the rest of a Streams config map is ignored. */
class AvroSerdeConfigTest {

    @Test
    void defaultsMatchConfluents() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of());

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.credentialsSource()).isEqualTo("URL");
        assertThat(config.subjectNameStrategy(false)).isInstanceOf(TopicNameStrategy.class);
        assertThat(config.registryUrls()).isEmpty();
    }

    @Test
    void readsAConfluentStyleStreamsConfig() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                "application.id", "newsflow",
                "bootstrap.servers", "localhost:9092",
                "schema.registry.url", "http://registry-a:8081, http://registry-b:8081",
                "auto.register.schemas", "false",
                "use.latest.version", "true",
                "specific.avro.reader", "true",
                "basic.auth.credentials.source", "user_info",
                "schema.registry.basic.auth.user.info", "newsdesk:secret",
                "max.retries", "5"));

        assertThat(config.registryUrls()).containsExactly("http://registry-a:8081", "http://registry-b:8081");
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.credentialsSource()).isEqualTo("USER_INFO");
        assertThat(config.userInfo()).isEqualTo("newsdesk:secret");
        assertThat(config.maxRetries()).isEqualTo(5);
    }

    @Test
    void urlsMayBeAList() {
        assertThat(new AvroSerdeConfig(Map.of("schema.registry.url", List.of("http://a:1", "http://b:2"))).registryUrls())
                .containsExactly("http://a:1", "http://b:2");
    }

    @Test
    void serdesNeedARegistryUrl() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();

        assertThatThrownBy(() -> serializer.configure(Map.of("application.id", "newsflow"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void mockScopeCannotBeMixedWithRealUrls() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "mock://a,http://registry:8081"));

        assertThatThrownBy(() -> SchemaRegistryClients.forConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mock://");
    }

    @Test
    void unsupportedCredentialsSourceIsRefused() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source");
    }

    @Test
    void userInfoSourceNeedsUserAndPassword() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient(new AvroSerdeConfig(Map.of(
                "schema.registry.url", "http://registry:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "no-colon"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("user:password");
    }
}
