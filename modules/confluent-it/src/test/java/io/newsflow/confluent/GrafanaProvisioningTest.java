/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * docker/grafana is wired to the compose file and its dashboard queries only metrics newsflow serves.
 * Negative cases break one panel or mount in a copy and expect that breakage to be reported.
 */
class GrafanaProvisioningTest {

    private static final Set<String> UIDS = Set.of("newsflow-prometheus");

    private static RepositoryLayout layout;
    private static ComposeFile compose;
    private static JsonNode dashboard;

    @BeforeAll
    static void load() {
        layout = RepositoryLayout.locate();
        compose = ComposeFile.read(layout.composeFile());
        dashboard = RepositoryLayout.readJson(layout.docker().resolve("grafana/dashboards/newsflow.json"));
    }

    @Test
    void provisioningAndDashboardsAreConsistent() {
        assertThat(new GrafanaProvisioning(layout.docker().resolve("grafana"), compose).problems()).isEmpty();
    }

    @Test
    void dashboardCoversWhatOperatorsWatch() {
        List<String> metrics = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                metrics.addAll(PromQlMetricNames.of(target.path("expr").asText()).metrics());
            }
        }
        assertThat(metrics).contains("newsflow_records_in_total", "newsflow_records_out_total",
                "kafka_consumer_fetch_manager_records_lag_max", "newsflow_duplicates_total",
                "newsflow_dead_letters_total", "newsflow_stage_seconds_bucket",
                "newsflow_end_to_end_lag_seconds_bucket", "newsflow_entities_total");
    }

    @Test
    void unknownMetricIsReported() {
        ObjectNode broken = dashboard.deepCopy();
        target(broken, 3).put("expr", "sum by (topic) (rate(newsflow_records_consumed_total[5m]))");

        assertThat(GrafanaProvisioning.dashboardProblems("d", broken, UIDS))
                .containsExactly("d / Throughput in by topic: unknown metric newsflow_records_consumed_total");
    }

    @Test
    void groupingByALabelTheMetricLacksIsReported() {
        ObjectNode broken = dashboard.deepCopy();
        target(broken, 9).put("expr", "sum by (stage) (rate(newsflow_duplicates_total[5m]))");

        assertThat(GrafanaProvisioning.dashboardProblems("d", broken, UIDS)).singleElement().asString()
                .startsWith("d / Duplicates by kind: groups by 'stage'");
    }

    @Test
    void unprovisionedDatasourceIsReported() {
        ObjectNode broken = dashboard.deepCopy();
        ((ObjectNode) broken.path("panels").path(0).path("datasource")).put("uid", "prometheus");

        assertThat(GrafanaProvisioning.dashboardProblems("d", broken, UIDS))
                .containsExactly("d / Replicas scraped: datasource uid 'prometheus' is not provisioned");
    }

    @Test
    void dashboardsMountedElsewhereThanTheProviderReadsIsReported() {
        ObjectNode brokenCompose = compose.root().deepCopy();
        ((ArrayNode) brokenCompose.path("services").path("grafana").path("volumes"))
                .set(1, TextNode.valueOf("./grafana/dashboards:/etc/dashboards:ro"));

        assertThat(new GrafanaProvisioning(layout.docker().resolve("grafana"),
                new ComposeFile(brokenCompose, compose.directory())).problems())
                .singleElement().asString().contains("provider path /var/lib/grafana/dashboards is not where grafana mounts");
    }

    @Test
    void datasourceUrlThatIsNoServicePortIsReported() {
        ObjectNode brokenCompose = compose.root().deepCopy();
        ((ArrayNode) brokenCompose.path("services").path("prometheus").path("ports")).set(0, TextNode.valueOf("9091:9091"));

        assertThat(new GrafanaProvisioning(layout.docker().resolve("grafana"),
                new ComposeFile(brokenCompose, compose.directory())).problems())
                .containsExactly("prometheus.yml: datasource url http://prometheus:9090 is not a compose service and port");
    }

    private static ObjectNode target(ObjectNode dashboard, int panel) {
        return (ObjectNode) dashboard.path("panels").path(panel).path("targets").path(0);
    }
}
