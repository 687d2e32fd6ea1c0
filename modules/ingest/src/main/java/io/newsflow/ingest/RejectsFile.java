package io.newsflow.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes rejections as JSON Lines ({@code file, line, reason, detail, raw, rawEncoding}) so a user can
 * fix and re-load them. The file is only created on the first rejection: a clean load leaves no file.
 */
public final class RejectsFile implements RejectSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private BufferedWriter writer;
    private long written;

    public RejectsFile(Path path) {
        this.path = path;
    }

    /** {@code <name>.rejects.jsonl} next to the input (for stdin, in the working directory). */
    public static Path besideInput(Path input) {
        Path name = input.getFileName();
        String base = name == null ? "stdin" : name.toString();
        Path dir = input.toAbsolutePath().getParent();
        String fileName = base + ".rejects.jsonl";
        return dir == null ? Path.of(fileName) : dir.resolve(fileName);
    }

    /** The options' rejects file, else {@code <first input>.rejects.jsonl}, else {@code stdin.rejects.jsonl}. */
    public static RejectsFile forLoad(ProduceOptions options, Path firstInput) {
        if (options.rejectsFile() != null) {
            return new RejectsFile(options.rejectsFile());
        }
        return new RejectsFile(firstInput == null ? Path.of("stdin.rejects.jsonl") : besideInput(firstInput));
    }

    @Override
    public synchronized void reject(Rejection rejection) {
        ObjectNode line = JSON.createObjectNode();
        line.put("file", rejection.file());
        line.put("line", rejection.line());
        line.put("reason", rejection.reason().name());
        line.put("detail", rejection.detail());
        Optional<String> text = rejection.rawText();
        if (text.isPresent()) {
            line.put("raw", text.get());
            line.put("rawEncoding", "utf-8");
        } else {
            line.put("raw", rejection.rawBase64());
            line.put("rawEncoding", "base64");
        }
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            }
            writer.write(JSON.writeValueAsString(line));
            writer.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write rejects file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close rejects file " + path, e);
        }
    }
}
