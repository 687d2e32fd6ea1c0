/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: one magic byte {@code 0}, the 4-byte big-endian schema id, then the
 * Avro binary body. Frames and unframes payloads so that every serde and tool agrees on the layout.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 1 + Integer.BYTES;

    private WireFormat() {
    }

    /** A payload split into the schema id it names and the Avro body that follows the header. */
    public record Frame(int schemaId, byte[] payload, int bodyOffset, int bodyLength) {

        /** The Avro body as a read-only view; no copy. */
        public ByteBuffer body() {
            return ByteBuffer.wrap(payload, bodyOffset, bodyLength).slice().asReadOnlyBuffer();
        }
    }

    /** Writes the header for {@code schemaId} into a buffer that has room for {@code bodyLength} more bytes. */
    public static ByteBuffer header(int schemaId, int bodyLength) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE + bodyLength);
        buffer.put(MAGIC_BYTE).putInt(schemaId);
        return buffer;
    }

    /** Frames an Avro body with its schema id. */
    public static byte[] frame(int schemaId, byte[] body) {
        return header(schemaId, body.length).put(body).array();
    }

    /**
     * Splits a framed payload, or explains precisely why it is not one.
     *
     * @throws SerializationException if the payload is shorter than the header or its magic byte is not 0
     */
    public static Frame unframe(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Payload truncated: " + payload.length + " bytes, need at least "
                    + HEADER_SIZE + " (magic byte + 4-byte schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + (payload[0] & 0xff) + " (expected "
                    + MAGIC_BYTE + "): not Confluent-framed Avro");
        }
        int schemaId = ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
        return new Frame(schemaId, payload, HEADER_SIZE, payload.length - HEADER_SIZE);
    }
}
