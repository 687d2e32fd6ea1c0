/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where the deployment files live, found from the test's working directory (the module directory
 * under Maven) by walking up to the repository root, so that the checks read the real files and not
 * copies that could drift.
 */
record RepositoryLayout(Path root) {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    static RepositoryLayout locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker/docker-compose.yml")) && Files.isDirectory(dir.resolve("modules"))) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("No repository root with docker/docker-compose.yml above "
                + Path.of("").toAbsolutePath());
    }

    Path docker() {
        return root.resolve("docker");
    }

    Path composeFile() {
        return docker().resolve("docker-compose.yml");
    }

    Path dockerfile() {
        return docker().resolve("Dockerfile");
    }

    Path appPom() {
        return root.resolve("modules/app/pom.xml");
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
