/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a candidate schema may follow earlier versions under a {@link CompatibilityLevel},
 * delegating the reader/writer rules to Avro's own {@link SchemaCompatibility}.
 */
final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * Describes every incompatibility between the candidate and the versions the level says to compare
     * against: the latest one, or all of them for transitive levels. An empty list means compatible.
     *
     * @param previous live versions of the subject, oldest first
     */
    static List<String> incompatibilities(Schema candidate, List<SchemaVersion> previous, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<SchemaVersion> compared = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        List<String> problems = new ArrayList<>();
        for (SchemaVersion old : compared) {
            problems.addAll(against(candidate, old, level));
        }
        return problems;
    }

    /** Describes the incompatibilities between the candidate and one given version, in the level's directions. */
    static List<String> against(Schema candidate, SchemaVersion old, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE) {
            return List.of();
        }
        Schema oldSchema = AvroSchemas.parse(old.schema());
        List<String> problems = new ArrayList<>();
        if (level.newReadsOld()) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, oldSchema), true, old, level,
                    problems);
        }
        if (level.oldReadsNew()) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(oldSchema, candidate), false, old, level,
                    problems);
        }
        return problems;
    }

    // Worded like Confluent's messages so people who know those recognise them.
    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, boolean newIsReader,
                                 SchemaVersion old, CompatibilityLevel level, List<String> problems) {
        String reader = newIsReader ? "new" : "old";
        String writer = newIsReader ? "old" : "new";
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            String description;
            if (incompatibility.getType() == SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE) {
                description = "The field '" + incompatibility.getMessage() + "' at path '"
                        + incompatibility.getLocation() + "' in the " + reader
                        + " schema has no default value and is missing in the " + writer + " schema";
            } else {
                description = "The " + reader + " schema cannot read data written with the " + writer
                        + " schema at path '" + incompatibility.getLocation() + "': " + incompatibility.getMessage();
            }
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + description
                    + "', additionalInfo:'" + incompatibility.getMessage() + "', oldSchemaVersion:" + old.version()
                    + ", compatibility:'" + level + "'}");
        }
    }
}
