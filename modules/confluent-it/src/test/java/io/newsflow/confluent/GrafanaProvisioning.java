/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks docker/grafana against the compose file and newsflow's metrics: the datasource points at a
 * compose service and port, the dashboard provider reads the directory the dashboards are mounted at,
 * and every panel queries a provisioned datasource with metric names (and grouping labels) newsflow
 * actually serves.
 */
final class GrafanaProvisioning {

    static final String GRAFANA = "grafana";
    static final String PROVISIONING_DIR = "/etc/grafana/provisioning";

    private final Path directory;
    private final ComposeFile compose;

    GrafanaProvisioning(Path directory, ComposeFile compose) {
        this.directory = directory;
        this.compose = compose;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Path provisioning = directory.resolve("provisioning");
        if (!compose.mountTarget(GRAFANA, provisioning).map(PROVISIONING_DIR::equals).orElse(false)) {
            problems.add("grafana does not mount " + provisioning + " at " + PROVISIONING_DIR);
        }
        Set<String> datasourceUids = datasources(provisioning, problems);
        if (datasourceUids.isEmpty()) {
            problems.add("no datasource is provisioned under " + provisioning.resolve("datasources"));
        }
        for (Path providerFile : yamlFiles(provisioning.resolve("dashboards"))) {
            for (JsonNode provider : RepositoryLayout.readYaml(providerFile).path("providers")) {
                String path = provider.path("options").path("path").asText();
                boolean mounted = compose.mountTarget(GRAFANA, directory.resolve("dashboards")).map(path::equals).orElse(false);
                if (!mounted) {
                    problems.add(providerFile.getFileName() + ": provider path " + path + " is not where grafana mounts "
                            + directory.resolve("dashboards"));
                }
            }
        }
        List<Path> dashboards = files(directory.resolve("dashboards"), ".json");
        if (dashboards.isEmpty()) {
            problems.add("no dashboard JSON under " + directory.resolve("dashboards"));
        }
        for (Path dashboard : dashboards) {
            problems.addAll(dashboardProblems(dashboard.getFileName().toString(), RepositoryLayout.readJson(dashboard),
                    datasourceUids));
        }
        return problems;
    }

    /** Problems of one dashboard: unknown datasources, metric names or grouping labels, and empty panels. */
    static List<String> dashboardProblems(String name, JsonNode dashboard, Set<String> datasourceUids) {
        List<String> problems = new ArrayList<>();
        JsonNode panels = dashboard.path("panels");
        if (panels.isEmpty()) {
            problems.add(name + ": no panels");
        }
        for (JsonNode panel : panels) {
            String title = name + " / " + panel.path("title").asText("?");
            checkDatasource(title, panel.path("datasource"), datasourceUids, problems);
            if (panel.path("targets").isEmpty()) {
                problems.add(title + ": no queries");
            }
            for (JsonNode target : panel.path("targets")) {
                checkDatasource(title, target.path("datasource"), datasourceUids, problems);
                checkQuery(title, target.path("expr").asText(""), problems);
            }
        }
        return problems;
    }

    private static void checkQuery(String title, String expr, List<String> problems) {
        PromQlMetricNames query = PromQlMetricNames.of(expr);
        if (query.metrics().isEmpty()) {
            problems.add(title + ": query '" + expr + "' reads no metric");
        }
        Set<String> labels = new HashSet<>(MetricCatalog.TARGET_LABELS);
        boolean labelsKnown = true;
        for (String metric : query.metrics()) {
            if (!MetricCatalog.isKnown(metric)) {
                problems.add(title + ": unknown metric " + metric);
            }
            labelsKnown &= MetricCatalog.labelsOf(metric).map(labels::addAll).isPresent();
        }
        if (labelsKnown) {
            for (String label : query.groupingLabels()) {
                if (!labels.contains(label)) {
                    problems.add(title + ": groups by '" + label + "', which " + query.metrics() + " do not carry");
                }
            }
        }
    }

    private static void checkDatasource(String title, JsonNode datasource, Set<String> uids, List<String> problems) {
        if (!datasource.isMissingNode() && !uids.contains(datasource.path("uid").asText())) {
            problems.add(title + ": datasource uid '" + datasource.path("uid").asText() + "' is not provisioned");
        }
    }

    private Set<String> datasources(Path provisioning, List<String> problems) {
        Set<String> uids = new HashSet<>();
        for (Path file : yamlFiles(provisioning.resolve("datasources"))) {
            for (JsonNode datasource : RepositoryLayout.readYaml(file).path("datasources")) {
                uids.add(datasource.path("uid").asText());
                URI url = URI.create(datasource.path("url").asText());
                boolean reachable = compose.services().containsKey(url.getHost())
                        && ScrapeTargets.listeningPorts(compose.service(url.getHost())).contains(url.getPort());
                if (!reachable) {
                    problems.add(file.getFileName() + ": datasource url " + url + " is not a compose service and port");
                }
            }
        }
        return uids;
    }

    private static List<Path> yamlFiles(Path dir) {
        List<Path> files = new ArrayList<>(files(dir, ".yml"));
        files.addAll(files(dir, ".yaml"));
        return files;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
