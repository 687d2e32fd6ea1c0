/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Compose schema cannot see: that names and paths in the file point at something real.
 * Every service can start (image or build, Dockerfile present), every depends_on names a service
 * (with a healthcheck when it waits for {@code service_healthy}), ports parse and no two services
 * or replicas claim the same host port, bind-mounted paths exist and named volumes are declared.
 */
final class ComposeReferences {

    private ComposeReferences() {
    }

    /** One readable line per broken reference; empty when everything resolves. */
    static List<String> problems(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> services = compose.services();
        if (services.isEmpty()) {
            problems.add("the file defines no services");
        }
        List<Claim> hostPorts = new ArrayList<>();
        services.forEach((name, service) -> {
            checkImage(compose, name, service, problems);
            checkDependencies(services, name, service, problems);
            checkPorts(name, service, hostPorts, problems);
            checkVolumes(compose, name, service, problems);
        });
        return problems;
    }

    private static void checkImage(ComposeFile compose, String name, JsonNode service, List<String> problems) {
        JsonNode build = service.get("build");
        if (build == null) {
            if (service.path("image").asText("").isBlank()) {
                problems.add(name + ": has neither image nor build");
            }
            return;
        }
        Path context = compose.directory().resolve(build.isTextual() ? build.asText() : build.path("context").asText("."));
        Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
        if (!Files.isDirectory(context)) {
            problems.add(name + ": build context " + context.normalize() + " is not a directory");
        } else if (!Files.isRegularFile(dockerfile)) {
            problems.add(name + ": build dockerfile " + dockerfile.normalize() + " does not exist");
        }
    }

    private static void checkDependencies(Map<String, JsonNode> services, String name, JsonNode service,
            List<String> problems) {
        for (String dependency : ComposeFile.dependencies(service)) {
            JsonNode target = services.get(dependency);
            if (target == null || dependency.equals(name)) {
                problems.add(name + ": depends_on '" + dependency + "', which is not another service");
                continue;
            }
            String condition = service.path("depends_on").path(dependency).path("condition").asText("service_started");
            boolean hasHealthcheck = target.has("healthcheck") && !target.path("healthcheck").path("disable").asBoolean(false);
            if ("service_healthy".equals(condition) && !hasHealthcheck) {
                problems.add(name + ": waits for '" + dependency + "' to be healthy, but it has no healthcheck");
            }
        }
    }

    private static void checkPorts(String name, JsonNode service, List<Claim> claimed, List<String> problems) {
        int replicas = ComposeFile.replicas(service);
        for (JsonNode entry : service.path("ports")) {
            PublishedPort port;
            try {
                port = PublishedPort.parse(entry);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": ports entry " + entry + " is malformed: " + e.getMessage());
                continue;
            }
            if (!port.isPublished()) {
                continue;
            }
            if (port.hostPortCount() < replicas) {
                problems.add(name + ": " + replicas + " replicas but ports entry " + entry + " publishes only "
                        + port.hostPortCount() + " host port(s)");
            }
            for (Claim earlier : claimed) {
                if (earlier.port().overlapsOnHost(port)) {
                    problems.add(name + ": host port(s) of " + entry + " are already published by " + earlier.service());
                }
            }
            claimed.add(new Claim(name, port));
        }
    }

    private static void checkVolumes(ComposeFile compose, String name, JsonNode service, List<String> problems) {
        JsonNode declared = compose.root().path("volumes");
        for (JsonNode entry : service.path("volumes")) {
            ComposeFile.VolumeMount mount = ComposeFile.VolumeMount.parse(entry);
            if (mount.isBind() && !mount.source().startsWith("/") && !mount.source().startsWith("~")) {
                Path source = compose.directory().resolve(mount.source()).normalize();
                if (!Files.exists(source)) {
                    problems.add(name + ": bind mount source " + source + " does not exist");
                }
            } else if (mount.isNamed() && !declared.has(mount.source())) {
                problems.add(name + ": volume '" + mount.source() + "' is not declared under the top-level volumes");
            }
        }
    }

    private record Claim(String service, PublishedPort port) {
    }
}
