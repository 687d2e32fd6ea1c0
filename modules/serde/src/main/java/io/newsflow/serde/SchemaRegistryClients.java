/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.List;

import org.apache.kafka.common.config.ConfigException;

/**
 * Picks the registry client a config asks for: the shared in-memory scope for {@code mock://scope},
 * otherwise a {@link RestSchemaRegistryClient} over all the configured URLs.
 */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
        List<String> urls = config.registryUrls();
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG
                    + "\" which has no default value.");
        }
        List<String> scopes = urls.stream().map(MockSchemaRegistry::scopeOf).filter(s -> s != null).toList();
        if (scopes.isEmpty()) {
            return new RestSchemaRegistryClient(config);
        }
        if (scopes.size() > 1 || urls.size() > 1) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, urls,
                    "a mock:// URL must be the only registry URL");
        }
        return MockSchemaRegistry.getClientForScope(scopes.get(0));
    }
}
