/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.Objects;

/**
 * One registered version of a subject, as the registry reports it: the global schema id, the
 * subject-local version number and the schema text.
 */
public record SchemaMetadata(String subject, int id, int version, String schema) {

    public SchemaMetadata {
        Objects.requireNonNull(schema, "schema");
    }
}
