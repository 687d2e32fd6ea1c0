/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.io.Closeable;

import org.apache.avro.Schema;

/**
 * What the serdes need from a Confluent-compatible schema registry. Implementations cache, so
 * calling these once per record is cheap after the first call for a schema.
 *
 * <p>Every method throws {@link RegistryException} when the registry refuses the request and
 * {@link RegistryUnavailableException} when no registry could be reached.
 */
public interface SchemaRegistryClient extends Closeable {

    /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id {@code schema} already has under {@code subject}, without registering it. */
    int getId(String subject, Schema schema);

    /** The schema a global id stands for. */
    Schema getSchemaById(int id);

    /** The newest version registered under {@code subject}. */
    SchemaMetadata getLatestSchemaMetadata(String subject);

    /** Whether {@code schema} could be registered as the next version of {@code subject}. */
    default boolean testCompatibility(String subject, Schema schema) {
        throw new UnsupportedOperationException("compatibility checks are not supported by " + getClass().getName());
    }

    @Override
    default void close() {
    }
}
