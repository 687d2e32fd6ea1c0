/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Framing puts the magic byte and big-endian id first; unframing reads them back or says why it cannot. */
class WireFormatTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void framesWithMagicByteAndBigEndianId() {
        byte[] framed = WireFormat.frame(0x7f00ff01, new byte[] {(byte) 0xab, (byte) 0xcd});

        assertThat(HEX.formatHex(framed)).isEqualTo("007f00ff01abcd");
    }

    @Test
    void unframesIdAndBody() {
        WireFormat.Frame frame = WireFormat.unframe(HEX.parseHex("0080000001abcd"));

        assertThat(frame.schemaId()).as("ids above 2^31 wrap as Java ints do").isEqualTo(0x80000001);
        ByteBuffer body = frame.body();
        assertThat(body.remaining()).isEqualTo(2);
        assertThat(body.get()).isEqualTo((byte) 0xab);
        assertThat(body.get()).isEqualTo((byte) 0xcd);
    }

    @Test
    void headerOnlyPayloadHasAnEmptyBody() {
        assertThat(WireFormat.unframe(HEX.parseHex("0000000005")).bodyLength()).isZero();
    }

    @Test
    void refusesOtherMagicBytes() {
        assertThatThrownBy(() -> WireFormat.unframe(HEX.parseHex("ff00000005")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 255 (expected 0)");
    }

    @Test
    void refusesPayloadsShorterThanTheHeader() {
        assertThatThrownBy(() -> WireFormat.unframe(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Payload truncated: 0 bytes, need at least 5");
        assertThatThrownBy(() -> WireFormat.unframe(HEX.parseHex("00000000")))
                .hasMessageContaining("Payload truncated: 4 bytes, need at least 5");
    }
}
