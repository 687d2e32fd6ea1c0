/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

/**
 * The registry client of a serializer or deserializer: either one given by the caller (never closed here), or
 * one built from the configuration, which this slot owns: it closes it, and rebuilds it on reconfiguration
 * because the registry URLs or credentials may have changed.
 */
final class RegistryClientSlot {

    private SchemaRegistryClient client;
    private boolean owned;

    /** An empty slot, filled from configuration by the first {@link #configure}. */
    RegistryClientSlot() {
    }

    /** A slot holding the caller's client, kept across reconfiguration. */
    RegistryClientSlot(SchemaRegistryClient given) {
        this.client = given;
    }

    /** Applies {@code config}: the caller's client stays; an owned one is closed and built anew. */
    void configure(AvroSerdeConfig config) {
        if (owned) {
            client.close();
            client = null;
        }
        if (client == null) {
            client = SchemaRegistryClients.forConfig(config);
            owned = true;
        }
    }

    SchemaRegistryClient client() {
        return client;
    }

    void close() {
        if (owned && client != null) {
            client.close();
        }
    }
}
