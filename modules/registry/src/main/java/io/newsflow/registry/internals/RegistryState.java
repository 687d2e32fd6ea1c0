/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.SchemaLogRecord.CompatibilityConfig;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersionPurged;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the registry knows, rebuilt by applying {@link SchemaLogRecord}s in log order.
 *
 * <p>Application is deterministic so every instance reading the same log agrees. When two writers raced
 * and produced conflicting records (one id for two different schemas, or one subject version for two
 * different ids), the record that came first in the log wins and the later one is ignored by everyone.
 */
public final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    /** A parsed schema with the text clients get back. */
    public record StoredSchema(int id, Schema schema, String text) {
    }

    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> idsByParsingForm = new HashMap<>();
    private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    // Never decreases, so ids of purged schemas are not handed out again while this instance runs.
    private int maxId;

    /**
     * Applies one change.
     *
     * @return false when the record lost a conflict with an earlier one and was ignored
     */
    public synchronized boolean apply(SchemaLogRecord record) {
        if (record instanceof SchemaVersion version) {
            return applyVersion(version);
        } else if (record instanceof SchemaVersionPurged purged) {
            return applyPurge(purged);
        } else if (record instanceof CompatibilityConfig config) {
            applyConfig(config);
            return true;
        }
        throw new IllegalArgumentException("Unknown record " + record);
    }

    private boolean applyVersion(SchemaVersion record) {
        Schema schema;
        try {
            schema = AvroSchemas.parse(record.schema());
        } catch (RegistryException invalid) {
            log.warn("Ignoring schema log record for subject '{}' version {}: {}", record.subject(),
                    record.version(), invalid.getMessage());
            return false;
        }
        StoredSchema known = schemasById.get(record.id());
        if (known != null && !known.schema().equals(schema)) {
            log.warn("Ignoring schema log record for subject '{}' version {}: id {} already names another schema",
                    record.subject(), record.version(), record.id());
            return false;
        }
        TreeMap<Integer, SchemaVersion> versions = subjects.computeIfAbsent(record.subject(), s -> new TreeMap<>());
        SchemaVersion existing = versions.get(record.version());
        if (existing != null && existing.id() != record.id()) {
            log.warn("Ignoring schema log record for subject '{}' version {}: version already holds id {}",
                    record.subject(), record.version(), existing.id());
            return false;
        }
        if (known == null) {
            schemasById.put(record.id(), new StoredSchema(record.id(), schema, record.schema()));
            idsByParsingForm.computeIfAbsent(SchemaNormalization.toParsingForm(schema), f -> new ArrayList<>())
                    .add(record.id());
        }
        SchemaVersion stored = known == null ? record
                : new SchemaVersion(record.subject(), record.version(), record.id(), known.text(), record.deleted());
        versions.put(record.version(), stored);
        maxId = Math.max(maxId, record.id());
        return true;
    }

    private boolean applyPurge(SchemaVersionPurged purge) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(purge.subject());
        if (versions == null) {
            return false;
        }
        SchemaVersion existing = versions.get(purge.version());
        if (existing == null || existing.id() != purge.id()) {
            return false;
        }
        versions.remove(purge.version());
        if (versions.isEmpty()) {
            subjects.remove(purge.subject());
        }
        if (!isReferenced(purge.id())) {
            StoredSchema gone = schemasById.remove(purge.id());
            String form = SchemaNormalization.toParsingForm(gone.schema());
            List<Integer> ids = idsByParsingForm.get(form);
            ids.remove(Integer.valueOf(purge.id()));
            if (ids.isEmpty()) {
                idsByParsingForm.remove(form);
            }
        }
        return true;
    }

    private void applyConfig(CompatibilityConfig config) {
        if (config.subject() == null) {
            globalLevel = config.level();
        } else if (config.level() == null) {
            subjectLevels.remove(config.subject());
        } else {
            subjectLevels.put(config.subject(), config.level());
        }
    }

    private boolean isReferenced(int id) {
        return subjects.values().stream()
                .flatMap(versions -> versions.values().stream())
                .anyMatch(version -> version.id() == id);
    }

    public synchronized Optional<StoredSchema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The lowest id already holding a schema equal to this one, if any. */
    public synchronized Optional<Integer> idOf(Schema schema) {
        List<Integer> candidates = idsByParsingForm.getOrDefault(SchemaNormalization.toParsingForm(schema), List.of());
        return candidates.stream()
                .filter(id -> schemasById.get(id).schema().equals(schema))
                .min(Integer::compare);
    }

    /** Versions of a subject in ascending order, optionally including soft-deleted ones. */
    public synchronized List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream()
                .filter(version -> includeDeleted || !version.deleted())
                .toList();
    }

    /** Subject names in order, optionally including subjects whose versions are all soft-deleted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(version -> !version.deleted())) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every subject version that uses this schema id, ordered by subject then version. */
    public synchronized List<SchemaVersion> versionsOfId(int id, boolean includeDeleted) {
        List<SchemaVersion> uses = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().stream()
                .filter(version -> version.id() == id && (includeDeleted || !version.deleted()))
                .forEach(uses::add));
        return uses;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    public synchronized int maxId() {
        return maxId;
    }

    public synchronized int schemaCount() {
        return schemasById.size();
    }

    /** Subjects that have, or had, any version; used to report what a replay rebuilt. */
    public synchronized int subjectCount() {
        return subjects.size();
    }
}
