/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed compose file and the directory its relative paths are resolved against, with the few
 * views of it that the reference checks need.
 */
record ComposeFile(JsonNode root, Path directory) {

    static ComposeFile read(Path file) {
        return new ComposeFile(RepositoryLayout.readYaml(file), file.toAbsolutePath().getParent());
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        root.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service '" + name + "' in the compose file");
        }
        return service;
    }

    /** Service names from either depends_on syntax (a list, or a map to conditions). */
    static List<String> dependencies(JsonNode service) {
        JsonNode dependsOn = service.path("depends_on");
        List<String> names = new ArrayList<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(n -> names.add(n.asText()));
        } else {
            dependsOn.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The environment as a map, from either the map or the {@code KEY=value} list syntax. */
    static Map<String, String> environment(JsonNode service) {
        JsonNode env = service.path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (env.isArray()) {
            for (JsonNode entry : env) {
                String text = entry.asText();
                int eq = text.indexOf('=');
                values.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        } else {
            for (Map.Entry<String, JsonNode> e : env.properties()) {
                values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        }
        return values;
    }

    static int replicas(JsonNode service) {
        return service.path("deploy").path("replicas").asInt(1);
    }

    /** The in-container path a host directory or file is bind-mounted at, if the service mounts it. */
    Optional<String> mountTarget(String service, Path hostPath) {
        for (JsonNode volume : service(service).path("volumes")) {
            VolumeMount mount = VolumeMount.parse(volume);
            if (mount.isBind() && directory.resolve(mount.source()).normalize().equals(hostPath.toAbsolutePath().normalize())) {
                return Optional.of(mount.target());
            }
        }
        return Optional.empty();
    }

    /** One entry of a service's {@code volumes}: a bind mount (path source), a named volume, or an anonymous one. */
    record VolumeMount(String source, String target) {

        static VolumeMount parse(JsonNode entry) {
            if (entry.isObject()) {
                return new VolumeMount(entry.path("source").asText(""), entry.path("target").asText());
            }
            String[] parts = entry.asText().split(":");
            return parts.length == 1 ? new VolumeMount("", parts[0]) : new VolumeMount(parts[0], parts[1]);
        }

        boolean isBind() {
            return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        }

        boolean isNamed() {
            return !source.isEmpty() && !isBind();
        }
    }
}
