/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde.internals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

import io.newsflow.serde.WireFormat;

/**
 * Encodes a value as a framed Confluent payload. Generated records are written with their own
 * data model so that logical types (e.g. {@code Instant} timestamps) convert; {@code byte[]} values
 * are written raw after the header, as Confluent's serializer does. Thread-safe.
 */
public final class AvroBodyWriter {

    private static final Schema NULL = Schema.create(Schema.Type.NULL);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    /** Writers are costly to build and safe to share; keyed by model and schema. */
    private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final GenericData genericModel = LogicalTypeModels.generic(true);

    private record WriterKey(GenericData model, Schema schema) {
    }

    /** The schema a value is written with: its own for Avro containers, the primitive schema otherwise. */
    public static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof CharSequence) {
            return STRING;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        }
        throw new IllegalArgumentException("Cannot serialize " + value.getClass().getName()
                + " as Avro: expected a GenericContainer (record, enum, fixed), a SpecificRecord or a primitive");
    }

    /** Frames {@code value}, written with its own {@code schema}. */
    public byte[] write(int schemaId, Object value, Schema schema) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        if (schema.getType() == Schema.Type.BYTES) {
            writeRaw(out, value);
        } else {
            encode(out, value, schema, modelFor(value));
        }
        return out.toByteArray();
    }

    /**
     * Frames {@code value} as data of {@code target}, another schema registered for the subject
     * (use.latest.version): the value is resolved from its own schema into the target's shape first.
     *
     * @param strict refuse when {@code target} cannot read data of {@code own}
     */
    public byte[] writeAs(int schemaId, Object value, Schema own, Schema target, boolean strict) {
        if (own.equals(target)) {
            return write(schemaId, value, own);
        }
        if (strict) {
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(target, own);
            if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IllegalArgumentException("The latest schema (id " + schemaId + ") cannot read data "
                        + "written with the record's schema: " + compatibility.getDescription());
            }
        }
        ByteArrayOutputStream ownBytes = new ByteArrayOutputStream(256);
        encode(ownBytes, value, own, modelFor(value));
        Object projected;
        try {
            projected = new GenericDatumReader<>(own, target, genericModel)
                    .read(null, DecoderFactory.get().binaryDecoder(ownBytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not convert the record to the latest schema (id " + schemaId + ")", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(WireFormat.header(schemaId, 0).array());
        encode(out, projected, target, genericModel);
        return out.toByteArray();
    }

    private GenericData modelFor(Object value) {
        if (value instanceof SpecificRecordBase record) {
            return record.getSpecificData();
        }
        if (value instanceof SpecificRecord || value instanceof Enum<?>) {
            return SpecificData.getForClass(value.getClass());
        }
        return genericModel;
    }

    private void encode(ByteArrayOutputStream out, Object value, Schema schema, GenericData model) {
        DatumWriter<Object> writer = writers.computeIfAbsent(new WriterKey(model, schema), key -> newWriter(key));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + schema.getFullName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> newWriter(WriterKey key) {
        return (DatumWriter<Object>) key.model().createDatumWriter(key.schema());
    }

    private static void writeRaw(ByteArrayOutputStream out, Object value) {
        if (value instanceof byte[] bytes) {
            out.writeBytes(bytes);
        } else {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.writeBytes(bytes);
        }
    }
}
