/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, behaving like the REST registry with BACKWARD compatibility: global
 * ids shared by identical schemas across subjects, versions numbered from 1 per subject, and the
 * same error codes. Used through {@link MockSchemaRegistry} scopes or directly in tests.
 */
public class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new HashMap<>();
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer known = idsBySchema.get(schema);
        if (known != null && versions.contains(known)) {
            return known;
        }
        if (!versions.isEmpty() && !canRead(schema, schemasById.get(versions.get(versions.size() - 1)))) {
            throw new RegistryException(409, RegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with the latest version of subject '" + subject + "'");
        }
        int id = known != null ? known : nextId++;
        idsBySchema.put(schema, id);
        schemasById.put(id, schema);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Integer> versions = versionsOf(subject);
        Integer id = idsBySchema.get(schema);
        if (id == null || !versions.contains(id)) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found under subject '" + subject + "'");
        }
        return id;
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) {
        List<Integer> versions = versionsOf(subject);
        int id = versions.get(versions.size() - 1);
        return new SchemaMetadata(subject, id, versions.size(), schemasById.get(id).toString());
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        List<Integer> versions = idsBySubject.get(subject);
        return versions == null || versions.isEmpty()
                || canRead(schema, schemasById.get(versions.get(versions.size() - 1)));
    }

    private List<Integer> versionsOf(String subject) {
        List<Integer> versions = idsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new RegistryException(404, RegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found");
        }
        return versions;
    }

    /** BACKWARD compatibility: the new schema must read what the latest one wrote. */
    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
