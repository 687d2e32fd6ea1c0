/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import io.newsflow.registry.CompatibilityLevel;

import java.util.Objects;

/**
 * One change to the registry, as it travels through the schema log. Every store, in memory or on Kafka,
 * applies exactly these changes to a {@link RegistryState}, so all instances that read the same log in the
 * same order end up with the same state.
 */
public sealed interface SchemaLogRecord {

    /**
     * A schema registered under a subject at a version, or that version soft-deleted ({@code deleted=true}).
     * Soft deleting rewrites the same record with the flag set, so compaction keeps only the latest form.
     */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
            implements SchemaLogRecord {
        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }

        SchemaVersion softDeleted() {
            return new SchemaVersion(subject, version, id, schema, true);
        }
    }

    /** A version removed for good; on Kafka this is a tombstone for the version's key. */
    record SchemaVersionPurged(String subject, int version, int id) implements SchemaLogRecord {
        public SchemaVersionPurged {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * The compatibility level of one subject, or the global one when {@code subject} is null.
     * A null {@code level} removes a subject's own level so it falls back to the global one.
     */
    record CompatibilityConfig(String subject, CompatibilityLevel level) implements SchemaLogRecord {
    }
}
