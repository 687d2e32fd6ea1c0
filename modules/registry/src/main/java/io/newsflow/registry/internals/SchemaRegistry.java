/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.SchemaLogRecord.CompatibilityConfig;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersionPurged;
import io.newsflow.registry.internals.RegistryState.StoredSchema;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry's rules, independent of HTTP: registration with idempotent ids, compatibility checks,
 * soft and permanent deletes, and compatibility configuration. Every change goes through the
 * {@link SchemaStore}; every read comes from the state the store rebuilt.
 *
 * <p>Ids are global: a schema already known under any subject keeps its id, a new one gets the highest
 * id seen plus one. Across several instances on one Kafka topic this is safe for one writer at a time;
 * concurrent writers are resolved by the log (first record wins) and the loser retries.
 */
public final class SchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final String AVRO = "AVRO";
    private static final int MAX_REGISTER_ATTEMPTS = 10;

    /** A {@code POST /compatibility} answer. */
    public record CompatibilityVerdict(boolean compatible, List<String> messages) {
    }

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;
    // One change at a time per instance, so "check, then append" is not interleaved locally.
    private final ReentrantLock writes = new ReentrantLock();

    public SchemaRegistry(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
    }

    /** Registers a schema under a subject, or returns the id it already has there. */
    public int register(String subject, String schemaText, String schemaType, boolean hasReferences) {
        Schema schema = parseAvro(schemaText, schemaType, hasReferences);
        // Serializers re-register on every start; answer those from the state without touching the log.
        Optional<Integer> known = liveIdUnder(subject, schema);
        if (known.isPresent()) {
            return known.get();
        }
        writes.lock();
        try {
            for (int attempt = 1; attempt <= MAX_REGISTER_ATTEMPTS; attempt++) {
                store.catchUp();
                RegistryState state = store.state();
                Optional<Integer> same = liveIdUnder(subject, schema);
                if (same.isPresent()) {
                    return same.get();
                }
                List<SchemaVersion> live = state.versions(subject, false);
                CompatibilityLevel level = effectiveLevel(subject);
                List<String> problems = CompatibilityChecker.incompatibilities(schema, live, level);
                if (!problems.isEmpty()) {
                    throw new RegistryException(RegistryError.INCOMPATIBLE_SCHEMA,
                            "Schema being registered is incompatible with an earlier schema for subject \""
                                    + subject + "\", details: " + problems);
                }
                int id = state.idOf(schema).orElse(state.maxId() + 1);
                int version = state.versions(subject, true).stream().mapToInt(SchemaVersion::version).max().orElse(0) + 1;
                store.append(new SchemaVersion(subject, version, id, schema.toString(), false));
                if (ownsVersion(store.state(), subject, version, id, schema)) {
                    log.info("Registered schema id {} as subject '{}' version {}", id, subject, version);
                    return id;
                }
                log.warn("Another registry wrote subject '{}' version {} or id {} first; retrying", subject, version, id);
            }
            throw new RegistryException(RegistryError.STORE_ERROR,
                    "Could not register a schema for subject '" + subject + "' after " + MAX_REGISTER_ATTEMPTS
                            + " attempts: other registries kept writing the same versions");
        } finally {
            writes.unlock();
        }
    }

    private Optional<Integer> liveIdUnder(String subject, Schema schema) {
        RegistryState state = store.state();
        return state.versions(subject, false).stream()
                .filter(v -> sameSchema(state, v.id(), schema))
                .map(SchemaVersion::id)
                .findFirst();
    }

    private static boolean ownsVersion(RegistryState state, String subject, int version, int id, Schema schema) {
        return state.versions(subject, true).stream()
                .anyMatch(v -> v.version() == version && v.id() == id)
                && sameSchema(state, id, schema);
    }

    private static boolean sameSchema(RegistryState state, int id, Schema schema) {
        return state.schemaById(id).map(stored -> stored.schema().equals(schema)).orElse(false);
    }

    /** Finds the version of a subject that holds this schema. */
    public SchemaVersion lookup(String subject, String schemaText, String schemaType, boolean hasReferences,
                                boolean includeDeleted) {
        Schema schema = parseAvro(schemaText, schemaType, hasReferences);
        RegistryState state = store.state();
        List<SchemaVersion> versions = existingVersions(subject, includeDeleted);
        return versions.stream()
                .filter(v -> sameSchema(state, v.id(), schema))
                .findFirst()
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found"));
    }

    /**
     * The schema with this id. A miss first catches up with the store: a deserializer may ask for an id
     * that another instance registered a moment ago.
     */
    public StoredSchema schemaById(int id) {
        Optional<StoredSchema> known = store.state().schemaById(id);
        if (known.isEmpty()) {
            store.catchUp();
            known = store.state().schemaById(id);
        }
        return known.orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found"));
    }

    public List<SchemaVersion> versionsOfId(int id) {
        schemaById(id);
        return store.state().versionsOfId(id, false);
    }

    public List<String> subjects(boolean includeDeleted) {
        return store.state().subjects(includeDeleted);
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        return existingVersions(subject, includeDeleted).stream().map(SchemaVersion::version).toList();
    }

    /** One version of a subject; {@code versionSpec} is a number or {@code latest}. */
    public SchemaVersion version(String subject, String versionSpec, boolean includeDeleted) {
        int wanted = VersionSpec.parse(versionSpec);
        List<SchemaVersion> versions = existingVersions(subject, includeDeleted);
        if (wanted == VersionSpec.LATEST) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(wanted));
    }

    private List<SchemaVersion> existingVersions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = store.state().versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    /** Soft-deletes every live version, or purges an already soft-deleted subject; returns the versions. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        writes.lock();
        try {
            store.catchUp();
            List<SchemaVersion> all = existingVersions(subject, true);
            List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            if (!permanent) {
                if (live.isEmpty()) {
                    throw new RegistryException(RegistryError.SUBJECT_SOFT_DELETED, "Subject '" + subject
                            + "' was soft deleted. Set permanent=true to delete permanently");
                }
                live.forEach(v -> store.append(v.softDeleted()));
                log.info("Soft-deleted subject '{}' versions {}", subject, numbers(live));
                return numbers(live);
            }
            if (!live.isEmpty()) {
                throw new RegistryException(RegistryError.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                        + "' was not deleted first before being permanently deleted");
            }
            all.forEach(v -> store.append(new SchemaVersionPurged(subject, v.version(), v.id())));
            if (store.state().subjectLevel(subject).isPresent()) {
                store.append(new CompatibilityConfig(subject, null));
            }
            log.info("Permanently deleted subject '{}' versions {}", subject, numbers(all));
            return numbers(all);
        } finally {
            writes.unlock();
        }
    }

    /** Soft-deletes one version, or purges an already soft-deleted one; returns its number. */
    public int deleteVersion(String subject, String versionSpec, boolean permanent) {
        int wanted = VersionSpec.parse(versionSpec);
        writes.lock();
        try {
            store.catchUp();
            SchemaVersion target;
            if (wanted == VersionSpec.LATEST) {
                List<SchemaVersion> candidates = existingVersions(subject, permanent);
                target = candidates.get(candidates.size() - 1);
            } else {
                target = existingVersions(subject, true).stream().filter(v -> v.version() == wanted).findFirst()
                        .orElseThrow(() -> RegistryException.versionNotFound(wanted));
            }
            if (!permanent) {
                if (target.deleted()) {
                    throw new RegistryException(RegistryError.VERSION_SOFT_DELETED, "Subject '" + subject
                            + "' Version " + target.version() + " was soft deleted. Set permanent=true to delete permanently");
                }
                store.append(target.softDeleted());
            } else {
                if (!target.deleted()) {
                    throw new RegistryException(RegistryError.VERSION_NOT_SOFT_DELETED, "Subject '" + subject
                            + "' Version " + target.version() + " was not deleted first before being permanently deleted");
                }
                store.append(new SchemaVersionPurged(subject, target.version(), target.id()));
            }
            log.info("{} subject '{}' version {}", permanent ? "Permanently deleted" : "Soft-deleted", subject,
                    target.version());
            return target.version();
        } finally {
            writes.unlock();
        }
    }

    /**
     * Tests a schema against one version of a subject, or, for {@code latest}, against the versions the
     * subject's level compares registrations with.
     */
    public CompatibilityVerdict checkCompatibility(String subject, String versionSpec, String schemaText,
                                                   String schemaType, boolean hasReferences) {
        Schema schema = parseAvro(schemaText, schemaType, hasReferences);
        int wanted = VersionSpec.parse(versionSpec);
        CompatibilityLevel level = effectiveLevel(subject);
        List<SchemaVersion> live = existingVersions(subject, false);
        List<String> problems;
        if (wanted == VersionSpec.LATEST) {
            problems = CompatibilityChecker.incompatibilities(schema, live, level);
        } else {
            SchemaVersion old = live.stream().filter(v -> v.version() == wanted).findFirst()
                    .orElseThrow(() -> RegistryException.versionNotFound(wanted));
            problems = CompatibilityChecker.against(schema, old, level);
        }
        return new CompatibilityVerdict(problems.isEmpty(), problems);
    }

    /** Tests a schema against every live version of a subject, whatever the level's transitivity. */
    public CompatibilityVerdict checkCompatibilityWithAll(String subject, String schemaText, String schemaType,
                                                          boolean hasReferences) {
        Schema schema = parseAvro(schemaText, schemaType, hasReferences);
        CompatibilityLevel level = effectiveLevel(subject);
        List<String> problems = store.state().versions(subject, false).stream()
                .flatMap(old -> CompatibilityChecker.against(schema, old, level).stream())
                .toList();
        return new CompatibilityVerdict(problems.isEmpty(), problems);
    }

    public CompatibilityLevel globalLevel() {
        return store.state().globalLevel().orElse(defaultLevel);
    }

    public CompatibilityLevel setGlobalLevel(String levelName) {
        CompatibilityLevel level = parseLevel(levelName);
        appendAlone(new CompatibilityConfig(null, level));
        log.info("Global compatibility set to {}", level);
        return level;
    }

    /** A subject's own level, or the global one when {@code defaultToGlobal} and it has none. */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = store.state().subjectLevel(subject);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return globalLevel();
        }
        throw notConfigured(subject);
    }

    public CompatibilityLevel setSubjectLevel(String subject, String levelName) {
        CompatibilityLevel level = parseLevel(levelName);
        appendAlone(new CompatibilityConfig(subject, level));
        log.info("Compatibility of subject '{}' set to {}", subject, level);
        return level;
    }

    /** Removes a subject's own level so it follows the global one again; returns the removed level. */
    public CompatibilityLevel deleteSubjectLevel(String subject) {
        writes.lock();
        try {
            store.catchUp();
            Optional<CompatibilityLevel> own = store.state().subjectLevel(subject);
            if (own.isEmpty()) {
                if (store.state().versions(subject, true).isEmpty()) {
                    throw RegistryException.subjectNotFound(subject);
                }
                throw notConfigured(subject);
            }
            store.append(new CompatibilityConfig(subject, null));
            log.info("Compatibility of subject '{}' reset to the global level", subject);
            return own.get();
        } finally {
            writes.unlock();
        }
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return store.state().subjectLevel(subject).orElseGet(this::globalLevel);
    }

    private void appendAlone(SchemaLogRecord record) {
        writes.lock();
        try {
            store.append(record);
        } finally {
            writes.unlock();
        }
    }

    private static RegistryException notConfigured(String subject) {
        return new RegistryException(RegistryError.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    private static CompatibilityLevel parseLevel(String levelName) {
        return CompatibilityLevel.parse(levelName).orElseThrow(() -> new RegistryException(
                RegistryError.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, "
                        + "forward_transitive, and full_transitive"));
    }

    private static Schema parseAvro(String schemaText, String schemaType, boolean hasReferences) {
        if (schemaType != null && !AVRO.equalsIgnoreCase(schemaType)) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA,
                    "Unsupported schema type '" + schemaType + "': this registry only supports AVRO");
        }
        if (hasReferences) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA,
                    "Schema references are not supported by this registry; register a self-contained schema");
        }
        return AvroSchemas.parse(schemaText);
    }

    private static List<Integer> numbers(List<SchemaVersion> versions) {
        return versions.stream().map(SchemaVersion::version).toList();
    }
}
