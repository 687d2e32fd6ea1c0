/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde.internals;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

import io.newsflow.serde.WireFormat;

/**
 * Decodes the Avro body of a framed payload, resolving the writer's schema to the reader's:
 * the generated class's schema for specific reading (the configured class, or the class the
 * writer schema names), the writer's own schema for generic reading. Resolution is what makes
 * schema evolution work. One resolving reader per writer schema id is cached. Thread-safe.
 */
public final class AvroBodyReader {

    private final boolean specific;
    private final Class<?> specificType;
    private final boolean convertLogicalTypes;
    private final ConcurrentMap<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /**
     * @param specific            read into generated classes
     * @param specificType        the generated class to read into, or null to use the class named by the writer schema
     * @param convertLogicalTypes for generic reading: convert logical types to Java types
     */
    public AvroBodyReader(boolean specific, Class<?> specificType, boolean convertLogicalTypes) {
        this.specific = specific;
        this.specificType = specificType;
        this.convertLogicalTypes = convertLogicalTypes;
    }

    /**
     * @throws SerializationException naming the schema id when the body does not decode or its class is not trusted
     */
    public Object read(WireFormat.Frame frame, Schema writerSchema) {
        int id = frame.schemaId();
        if (writerSchema.getType() == Schema.Type.BYTES) {
            // Confluent writes byte[] values raw after the header, not as an Avro bytes field.
            return Arrays.copyOfRange(frame.payload(), frame.bodyOffset(), frame.bodyOffset() + frame.bodyLength());
        }
        DatumReader<Object> reader = readers.computeIfAbsent(id, i -> newReader(id, writerSchema));
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(frame.payload(), frame.bodyOffset(), frame.bodyLength(), null);
        Object value;
        try {
            value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Avro payload could not be read with schema id " + id
                        + ": bytes left over after the record (" + frame.bodyLength() + "-byte body)");
            }
        } catch (SecurityException e) {
            throw untrusted(id, writerSchema, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException("Avro payload could not be read with schema id " + id + ": "
                    + describe(e, frame.bodyLength()), e);
        }
        // A top-level string is handed out as String, as Confluent's deserializer does.
        return value instanceof Utf8 ? value.toString() : value;
    }

    private static String describe(Exception e, int bodyLength) {
        if (e instanceof EOFException) {
            return "the " + bodyLength + "-byte body ends before the record does (truncated or not this schema)";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> newReader(int id, Schema writerSchema) {
        if (!specific) {
            return new GenericDatumReader<>(writerSchema, writerSchema, LogicalTypeModels.generic(convertLogicalTypes));
        }
        Class<?> type = specificType != null ? specificType : classNamedBy(id, writerSchema);
        if (type == null) {
            return new SpecificDatumReader<>(writerSchema, writerSchema, SpecificData.get());
        }
        SpecificData model = SpecificData.getForClass(type);
        Schema readerSchema = model.getSchema(type);
        return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writerSchema, readerSchema, model);
    }

    /** The generated class for a named writer schema; null for primitives and unions, which have none. */
    private static Class<?> classNamedBy(int id, Schema writerSchema) {
        Schema.Type type = writerSchema.getType();
        if (type != Schema.Type.RECORD && type != Schema.Type.ENUM && type != Schema.Type.FIXED) {
            return null;
        }
        Class<?> found;
        try {
            found = SpecificData.get().getClass(writerSchema);
        } catch (SecurityException e) {
            throw untrusted(id, writerSchema, e);
        }
        if (found == null || found == Object.class) {
            throw new SerializationException("Could not find class " + writerSchema.getFullName()
                    + " specified in the writer's schema (id " + id + ") whilst finding the reader's schema for a "
                    + "SpecificRecord; put the generated class on the classpath or read generic records");
        }
        return found;
    }

    private static SerializationException untrusted(int id, Schema writerSchema, SecurityException e) {
        return new SerializationException("Avro refused to instantiate a class for schema id " + id + " ("
                + writerSchema.getFullName() + "): " + e.getMessage() + ". Avro 1.12 only creates trusted classes: "
                + "add them with org.apache.avro.util.ClassSecurityValidator.setGlobal(...) or the "
                + "org.apache.avro.SERIALIZABLE_CLASSES system property before deserializing", e);
    }
}
