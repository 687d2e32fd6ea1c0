/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Names and paths in docker/docker-compose.yml resolve. Each negative case breaks one reference in a
 * copy of the real file and expects exactly that breakage to be reported.
 */
class ComposeReferencesTest {

    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.read(RepositoryLayout.locate().composeFile());
    }

    @Test
    void everyReferenceInTheComposeFileResolves() {
        assertThat(ComposeReferences.problems(compose)).isEmpty();
    }

    @Test
    void theStackHasTheServicesTheReadmeDescribes() {
        assertThat(compose.services()).containsKeys("kafka", "schema-registry", "newsflow", "producer", "feeds",
                "prometheus", "grafana");
        assertThat(ComposeFile.replicas(compose.service("newsflow"))).isEqualTo(2);
        assertThat(ComposeFile.environment(compose.service("schema-registry")))
                .containsKey("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS");
    }

    @Test
    void newsflowIsConfiguredThroughItsEnvironmentVariables() {
        for (String service : List.of("newsflow", "producer")) {
            assertThat(ComposeFile.environment(compose.service(service)))
                    .containsEntry("NEWSFLOW_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("NEWSFLOW_SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
        }
        assertThat(ComposeFile.environment(compose.service("newsflow"))).containsKey("NEWSFLOW_APPLICATION_ID");
    }

    @Test
    void kafkaClusterIdIsAKraftUuid() {
        // kafka-storage format refuses anything but the URL-safe base64 of 16 bytes, and the broker never starts.
        String clusterId = ComposeFile.environment(compose.service("kafka")).get("CLUSTER_ID");

        assertThat(Base64.getUrlDecoder().decode(clusterId)).hasSize(16);
    }

    @Test
    void producerPollsFeedsThatTheFeedsServiceServes() {
        ArrayNode args = (ArrayNode) compose.service("producer").path("command");
        int feeds = 0;
        for (int i = 0; i + 1 < args.size(); i++) {
            if ("--feed".equals(args.get(i).asText())) {
                String url = args.get(i + 1).asText();
                assertThat(url).startsWith("http://feeds/");
                assertThat(compose.directory().resolve("feeds").resolve(url.substring("http://feeds/".length())))
                        .as("feed %s is a file under docker/feeds", url).isRegularFile();
                feeds++;
            }
        }
        assertThat(feeds).isEqualTo(2);
    }

    @Test
    void serviceWithoutImageOrBuildIsReported() {
        ObjectNode broken = copy();
        service(broken, "feeds").remove("image");

        assertThat(ComposeReferences.problems(compose(broken))).containsExactly("feeds: has neither image nor build");
    }

    @Test
    void missingDockerfileIsReported() {
        ObjectNode broken = copy();
        ((ObjectNode) service(broken, "newsflow").path("build")).put("dockerfile", "docker/Containerfile");

        assertThat(ComposeReferences.problems(compose(broken)))
                .singleElement().asString().startsWith("newsflow: build dockerfile").endsWith("does not exist");
    }

    @Test
    void dependencyOnUnknownServiceIsReported() {
        ObjectNode broken = copy();
        ObjectNode dependsOn = (ObjectNode) service(broken, "producer").path("depends_on");
        dependsOn.set("registry", dependsOn.remove("schema-registry"));

        assertThat(ComposeReferences.problems(compose(broken)))
                .containsExactly("producer: depends_on 'registry', which is not another service");
    }

    @Test
    void waitingForHealthOfServiceWithoutHealthcheckIsReported() {
        ObjectNode broken = copy();
        service(broken, "prometheus").remove("healthcheck");

        assertThat(ComposeReferences.problems(compose(broken)))
                .containsExactly("grafana: waits for 'prometheus' to be healthy, but it has no healthcheck");
    }

    @Test
    void malformedPortIsReported() {
        ObjectNode broken = copy();
        ((ArrayNode) service(broken, "grafana").path("ports")).set(0, TextNode.valueOf("3000:"));

        assertThat(ComposeReferences.problems(compose(broken)))
                .singleElement().asString().startsWith("grafana: ports entry \"3000:\" is malformed");
    }

    @Test
    void hostPortPublishedTwiceIsReported() {
        ObjectNode broken = copy();
        // The registry's natural host port collides with the second processor replica.
        ((ArrayNode) service(broken, "schema-registry").path("ports")).set(0, TextNode.valueOf("8081:8081"));

        assertThat(ComposeReferences.problems(compose(broken)))
                .singleElement().asString().contains("already published by");
    }

    @Test
    void replicasNeedOneHostPortEach() {
        ObjectNode broken = copy();
        ((ArrayNode) service(broken, "newsflow").path("ports")).set(0, TextNode.valueOf("8080:8080"));

        assertThat(ComposeReferences.problems(compose(broken)))
                .containsExactly("newsflow: 2 replicas but ports entry \"8080:8080\" publishes only 1 host port(s)");
    }

    @Test
    void missingBindMountSourceIsReported() {
        ObjectNode broken = copy();
        ((ArrayNode) service(broken, "prometheus").path("volumes"))
                .set(0, TextNode.valueOf("./prometheus/prometheus.yaml:/etc/prometheus/prometheus.yml:ro"));

        assertThat(ComposeReferences.problems(compose(broken)))
                .singleElement().asString().contains("prometheus.yaml does not exist");
    }

    @Test
    void undeclaredNamedVolumeIsReported() {
        ObjectNode broken = copy();
        ((ObjectNode) broken.path("volumes")).remove("producer-state");

        assertThat(ComposeReferences.problems(compose(broken)))
                .containsExactly("producer: volume 'producer-state' is not declared under the top-level volumes");
    }

    @Test
    void portSyntaxesParse() {
        assertThat(PublishedPort.parse(TextNode.valueOf("127.0.0.1:9090:9090/tcp")))
                .isEqualTo(new PublishedPort(9090, 9090, 9090, 9090, "tcp"));
        assertThat(PublishedPort.parse(TextNode.valueOf("8080-8081:8080")).hostPortCount()).isEqualTo(2);
        assertThat(PublishedPort.parse(TextNode.valueOf("9092")).isPublished()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> PublishedPort.parse(TextNode.valueOf("70000:80")));
        assertThatIllegalArgumentException().isThrownBy(() -> PublishedPort.parse(TextNode.valueOf("8000-8002:80-81")));
    }

    private static ObjectNode copy() {
        return compose.root().deepCopy();
    }

    private static ObjectNode service(ObjectNode root, String name) {
        return (ObjectNode) root.path("services").path(name);
    }

    private static ComposeFile compose(ObjectNode root) {
        return new ComposeFile(root, compose.directory());
    }
}
