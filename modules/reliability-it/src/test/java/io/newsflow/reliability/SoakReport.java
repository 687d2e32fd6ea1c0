/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The soak's figures, written line by line and flushed to a file of their own ({@code soak.report}, default
 * {@code target/soak-report.txt}) so that an hour-long run leaves its checkpoints and outcome even when the
 * test JVM's channel to Maven does not survive to the end.
 */
final class SoakReport implements AutoCloseable {

    private final Writer out;

    private SoakReport(Writer out) {
        this.out = out;
    }

    static SoakReport open(int articles) {
        Path file = Path.of(System.getProperty("soak.report", "target/soak-report.txt"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SoakReport report = new SoakReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            report.line("start: %d articles, max heap %d MB", articles, Runtime.getRuntime().maxMemory() >> 20);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the soak report " + file, e);
        }
    }

    void line(String format, Object... args) {
        try {
            out.write(Instant.now() + " " + String.format(format, args) + System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the soak and writes whether it passed, or what it failed with, before passing the failure on. */
    void outcomeOf(Runnable soak) {
        try {
            soak.run();
            line("PASSED");
        } catch (RuntimeException | Error e) {
            line("FAILED: %s", e);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
