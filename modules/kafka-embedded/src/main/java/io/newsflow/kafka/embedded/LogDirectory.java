/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The broker's data directory, and whether the broker owns it.
 *
 * <p>A temporary directory belongs to the broker and is deleted on close so that test runs do not
 * leave segment files behind; a directory the caller named (for {@code newsflow dev}) is kept.
 */
final class LogDirectory {

    private final Path path;
    private final boolean owned;

    private LogDirectory(Path path, boolean owned) {
        this.path = path;
        this.owned = owned;
    }

    static LogDirectory temporary() {
        try {
            return new LogDirectory(Files.createTempDirectory("newsflow-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka log directory", e);
        }
    }

    static LogDirectory kept(Path path) {
        try {
            return new LogDirectory(Files.createDirectories(path.toAbsolutePath()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + path, e);
        }
    }

    Path path() {
        return path;
    }

    boolean isFormatted() {
        return Files.exists(path.resolve("meta.properties"));
    }

    /** Deletes the directory tree if the broker created it; a caller's directory is left alone. */
    void deleteIfOwned() {
        if (!owned || !Files.exists(path)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(path)) {
            entries = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Kafka log directory " + path, e);
        }
        for (Path entry : entries) {
            try {
                Files.deleteIfExists(entry);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + entry, e);
            }
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
