/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory with Kafka's own storage tool, the same code path as
 * {@code kafka-storage.sh format}, so that the directory layout is exactly what a real broker expects.
 */
final class StorageFormatter {

    private static final Logger log = LoggerFactory.getLogger(StorageFormatter.class);

    private StorageFormatter() {
    }

    /** Formats {@code logDir} with a fresh cluster id, unless it already holds {@code meta.properties}. */
    static void formatIfNeeded(LogDirectory logDir, Properties brokerProps) {
        if (logDir.isFormatted()) {
            log.debug("Kafka log directory {} is already formatted", logDir);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        Path configFile = writeConfig(brokerProps);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            int exitCode = StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", configFile.toString()}, out);
            if (exitCode != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed with exit code " + exitCode
                        + ": " + output.toString(StandardCharsets.UTF_8));
            }
        } finally {
            deleteConfig(configFile);
        }
        log.debug("Formatted {} for cluster {}: {}", logDir, clusterId, output.toString(StandardCharsets.UTF_8).trim());
    }

    private static Path writeConfig(Properties brokerProps) {
        try {
            Path file = Files.createTempFile("newsflow-kafka-format-", ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                brokerProps.store(out, "written by newsflow for kafka-storage format");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker config for formatting", e);
        }
    }

    private static void deleteConfig(Path file) {
        // Runs in a finally block: failing here would hide the formatting error, so only report it.
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete temporary broker config {}", file, e);
        }
    }
}
