/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * docker/prometheus/prometheus.yml scrapes what the compose file runs. Negative cases break one side
 * of the match in a copy and expect the mismatch to be reported.
 */
class ScrapeTargetsTest {

    private static ComposeFile compose;
    private static Path configFile;
    private static JsonNode config;

    @BeforeAll
    static void load() {
        RepositoryLayout layout = RepositoryLayout.locate();
        compose = ComposeFile.read(layout.composeFile());
        configFile = layout.docker().resolve("prometheus/prometheus.yml");
        config = RepositoryLayout.readYaml(configFile);
    }

    @Test
    void everyTargetIsAServiceListeningOnThatPort() {
        assertThat(ScrapeTargets.problems(config, configFile, compose)).isEmpty();
    }

    @Test
    void theProcessorReplicasAreScrapedThroughTheServiceName() {
        JsonNode job = config.path("scrape_configs").path(0);
        assertThat(job.path("dns_sd_configs").path(0).path("names").path(0).asText()).isEqualTo("newsflow");
        assertThat(ScrapeTargets.runsProcessor(compose.service("newsflow"))).isTrue();
        assertThat(ScrapeTargets.runsProcessor(compose.service("producer"))).isFalse();
    }

    @Test
    void targetThatIsNoServiceIsReported() {
        ObjectNode broken = config.deepCopy();
        ((ArrayNode) broken.path("scrape_configs").path(0).path("dns_sd_configs").path(0).path("names"))
                .set(0, TextNode.valueOf("newsflow-processor"));

        assertThat(ScrapeTargets.problems(broken, configFile, compose)).containsExactly(
                "job newsflow: target host 'newsflow-processor' is not a compose service",
                "newsflow processor service 'newsflow' is not scraped on /metrics");
    }

    @Test
    void wrongPortIsReported() {
        ObjectNode broken = config.deepCopy();
        ((ObjectNode) broken.path("scrape_configs").path(0).path("dns_sd_configs").path(0)).put("port", 9404);

        assertThat(ScrapeTargets.problems(broken, configFile, compose))
                .singleElement().asString().startsWith("job newsflow: newsflow does not listen on port 9404");
    }

    @Test
    void wrongMetricsPathIsReported() {
        ObjectNode broken = config.deepCopy();
        ((ObjectNode) broken.path("scrape_configs").path(0)).put("metrics_path", "/actuator/prometheus");

        assertThat(ScrapeTargets.problems(broken, configFile, compose))
                .containsExactly("newsflow processor service 'newsflow' is not scraped on /metrics");
    }

    @Test
    void configFileNotMountedWherePrometheusReadsItIsReported() {
        ObjectNode brokenCompose = compose.root().deepCopy();
        ((ArrayNode) brokenCompose.path("services").path("prometheus").path("command"))
                .set(0, TextNode.valueOf("--config.file=/etc/prometheus/newsflow.yml"));

        assertThat(ScrapeTargets.problems(config, configFile, new ComposeFile(brokenCompose, compose.directory())))
                .singleElement().asString().startsWith("prometheus reads /etc/prometheus/newsflow.yml");
    }
}
