package io.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that each line can be checked for UTF-8
 * on its own (one bad line must not spoil the rest). Lines longer than the limit are cut and
 * flagged instead of being buffered whole: a runaway line cannot exhaust memory.
 */
public final class JsonLinesReader {

    /** One line, without its terminator. {@code cut} means bytes beyond the limit were skipped. */
    public record Line(long number, byte[] bytes, long length, boolean cut) {
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private long lineNumber;
    private long bytesRead;
    private boolean eof;

    public JsonLinesReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. A final line without newline is still a line. */
    public Line next() throws IOException {
        byte[] buf = new byte[256];
        int len = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof || !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    return finish(buf, len, total);
                }
            }
            sawAny = true;
            int start = chunkPos;
            int newline = -1;
            for (int i = chunkPos; i < chunkLen; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline == -1 ? chunkLen : newline;
            int n = end - start;
            total += n;
            int room = maxLineBytes - len;
            int keep = Math.min(n, Math.max(room, 0));
            if (keep > 0) {
                if (len + keep > buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(maxLineBytes, Math.max(buf.length * 2, len + keep)));
                }
                System.arraycopy(chunk, start, buf, len, keep);
                len += keep;
            }
            if (newline != -1) {
                chunkPos = newline + 1;
                return finish(buf, len, total);
            }
            chunkPos = chunkLen;
        }
    }

    /** Bytes consumed from the stream so far, terminators included. */
    public long bytesRead() {
        return bytesRead;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, CHUNK);
        if (n <= 0) {
            eof = true;
            chunkPos = chunkLen = 0;
            return false;
        }
        bytesRead += n;
        chunkPos = 0;
        chunkLen = n;
        return true;
    }

    private Line finish(byte[] buf, int len, long total) {
        lineNumber++;
        boolean cut = total > len;
        // Tolerate Windows line ends.
        if (!cut && len > 0 && buf[len - 1] == '\r') {
            len--;
            total--;
        }
        return new Line(lineNumber, Arrays.copyOf(buf, len), total, cut);
    }
}
