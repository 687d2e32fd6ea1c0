package io.newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding: a lenient decoder would replace bad bytes with U+FFFD and hide corrupt input,
 * so we report instead.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /** Decoders are not thread-safe but cost an allocation per line in bulk loads; one per thread. */
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));

    /** The text, or empty when the bytes are not valid UTF-8. */
    static Optional<String> decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = DECODER.get();
        try {
            // decode(ByteBuffer) resets the decoder first, so reuse is safe after an error.
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static Optional<String> decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** UTF-8 length without allocating; exact for well-formed strings. */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
