/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks docker/prometheus/prometheus.yml against the compose file: every scrape target is a service
 * listening on that port, every newsflow processor service is scraped on /metrics, and Prometheus is
 * started with the file the compose file mounts.
 */
final class ScrapeTargets {

    /** The service Prometheus runs as, which scrapes itself as localhost. */
    static final String PROMETHEUS = "prometheus";

    private ScrapeTargets() {
    }

    static List<String> problems(JsonNode config, Path configFile, ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Set<String> scraped = new HashSet<>();
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText("?");
            String path = job.path("metrics_path").asText("/metrics");
            for (JsonNode sd : job.path("dns_sd_configs")) {
                int port = sd.path("port").asInt(-1);
                for (JsonNode host : sd.path("names")) {
                    checkTarget(compose, name, host.asText(), port, problems);
                    scraped.add(host.asText() + path);
                }
            }
            for (JsonNode group : job.path("static_configs")) {
                for (JsonNode target : group.path("targets")) {
                    URI uri = URI.create("//" + target.asText());
                    String host = isLoopback(uri.getHost()) ? PROMETHEUS : uri.getHost();
                    checkTarget(compose, name, host, uri.getPort(), problems);
                    scraped.add(host + path);
                }
            }
        }
        compose.services().forEach((service, definition) -> {
            if (runsProcessor(definition) && !scraped.contains(service + "/metrics")) {
                problems.add("newsflow processor service '" + service + "' is not scraped on /metrics");
            }
        });
        String configFlag = configFileFlag(compose.service(PROMETHEUS));
        String mounted = compose.mountTarget(PROMETHEUS, configFile).orElse(null);
        if (mounted == null || !mounted.equals(configFlag)) {
            problems.add("prometheus reads " + configFlag + " but " + configFile.getFileName() + " is mounted at " + mounted);
        }
        return problems;
    }

    private static void checkTarget(ComposeFile compose, String job, String host, int port, List<String> problems) {
        if (!compose.services().containsKey(host)) {
            problems.add("job " + job + ": target host '" + host + "' is not a compose service");
            return;
        }
        Set<Integer> listening = listeningPorts(compose.service(host));
        if (!listening.contains(port)) {
            problems.add("job " + job + ": " + host + " does not listen on port " + port + " (it does on " + listening + ")");
        }
    }

    /** Ports a service is known to listen on: its container ports, its exposed ports, its newsflow ops port. */
    static Set<Integer> listeningPorts(JsonNode service) {
        Set<Integer> ports = new HashSet<>();
        for (JsonNode entry : service.path("ports")) {
            PublishedPort port = PublishedPort.parse(entry);
            for (int p = port.containerFrom(); p <= port.containerTo(); p++) {
                ports.add(p);
            }
        }
        service.path("expose").forEach(e -> ports.add(Integer.parseInt(e.asText().split("/")[0])));
        Map<String, String> env = ComposeFile.environment(service);
        if (env.containsKey("NEWSFLOW_OPS_PORT")) {
            ports.add(Integer.parseInt(env.get("NEWSFLOW_OPS_PORT")));
        }
        return ports;
    }

    /** A service whose command is newsflow's long-running {@code process}. */
    static boolean runsProcessor(JsonNode service) {
        JsonNode command = service.path("command");
        String first = command.isArray() ? command.path(0).asText() : command.asText().strip().split("\\s+")[0];
        return service.has("build") && "process".equals(first);
    }

    private static String configFileFlag(JsonNode prometheus) {
        for (JsonNode arg : prometheus.path("command")) {
            if (arg.asText().startsWith("--config.file=")) {
                return arg.asText().substring("--config.file=".length());
            }
        }
        return "/etc/prometheus/prometheus.yml";
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host);
    }
}
