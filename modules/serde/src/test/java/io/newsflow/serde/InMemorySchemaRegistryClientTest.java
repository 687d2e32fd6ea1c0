/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory registry numbers and refuses like the real one, and mock scopes are shared until dropped. */
class InMemorySchemaRegistryClientTest {

    private static final String SCOPE = "in-memory-registry-test";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void identicalSchemasShareOneIdAcrossSubjects() {
        int first = registry.register("news.headlines-value", SampleArticles.HEADLINE);
        int again = registry.register("news.headlines-value", SampleArticles.HEADLINE);
        int elsewhere = registry.register("archive.headlines-value", SampleArticles.HEADLINE);
        int next = registry.register("news.headlines-value", SampleArticles.HEADLINE_V2);

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(next).isNotEqualTo(first);
        assertThat(registry.getLatestSchemaMetadata("news.headlines-value").version()).isEqualTo(2);
        assertThat(registry.getLatestSchemaMetadata("archive.headlines-value").version()).isEqualTo(1);
        assertThat(registry.getSchemaById(next)).isEqualTo(SampleArticles.HEADLINE_V2);
    }

    @Test
    void missingThingsCarryConfluentCodes() {
        registry.register("news.headlines-value", SampleArticles.HEADLINE);

        assertThatThrownBy(() -> registry.getLatestSchemaMetadata("news.unknown-value"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND));
        assertThatThrownBy(() -> registry.getId("news.headlines-value", SampleArticles.HEADLINE_V2))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> registry.getSchemaById(99_999))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void compatibilityIsBackward() {
        registry.register("news.headlines-value", SampleArticles.HEADLINE_V2);

        assertThat(registry.testCompatibility("news.headlines-value", SampleArticles.HEADLINE))
                .as("dropping an optional field keeps old data readable").isTrue();
        assertThat(registry.testCompatibility("news.headlines-value",
                new org.apache.avro.Schema.Parser().parse("""
                        {"type": "record", "name": "Headline", "namespace": "io.newsflow.test", "fields": [
                          {"name": "title", "type": "int"}
                        ]}""")))
                .isFalse();
    }

    @Test
    void scopesAreSharedUntilDropped() {
        SchemaRegistryClient first = MockSchemaRegistry.getClientForScope(SCOPE);
        first.register("news.headlines-value", SampleArticles.HEADLINE);

        assertThat(MockSchemaRegistry.getClientForScope(SCOPE)).isSameAs(first);
        assertThat(MockSchemaRegistry.getClientForScope("another-" + SCOPE)).isNotSameAs(first);
        MockSchemaRegistry.dropScope("another-" + SCOPE);

        MockSchemaRegistry.dropScope(SCOPE);
        assertThatThrownBy(() -> MockSchemaRegistry.getClientForScope(SCOPE).getLatestSchemaMetadata("news.headlines-value"))
                .isInstanceOf(RegistryException.class);
    }
}
