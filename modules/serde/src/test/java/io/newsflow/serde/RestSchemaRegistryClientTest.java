/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The REST client against a real local HTTP server answering like a Confluent registry. */
class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema HEADLINE = SampleArticles.HEADLINE;

    private CannedRegistryServer registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new CannedRegistryServer();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private static Map<String, Object> fastRetries(String urls) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, urls);
        config.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 3);
        config.put(AvroSerdeConfig.RETRIES_WAIT_MS_CONFIG, 5L);
        config.put(AvroSerdeConfig.RETRIES_MAX_WAIT_MS_CONFIG, 20L);
        return config;
    }

    private RestSchemaRegistryClient client(Map<String, Object> config) {
        return new RestSchemaRegistryClient(new AvroSerdeConfig(config));
    }

    private static String schemaAnswer(Schema schema) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("schema", schema.toString());
        return answer.toString();
    }

    @Test
    void registerPostsConfluentBodyWithTheRegistryMediaType() throws Exception {
        registry.answer("POST", "/subjects/news.headlines-value/versions", 200, "{\"id\":21}");

        int id = client(fastRetries(registry.url())).register("news.headlines-value", HEADLINE);

        assertThat(id).isEqualTo(21);
        CannedRegistryServer.Request request = registry.requests().get(0);
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("schema").asText()).isEqualTo(HEADLINE.toString());
        assertThat(body.has("schemaType")).as("AVRO is the default and is left out").isFalse();
    }

    @Test
    void lookupAndLatestUseTheirConfluentPaths() {
        registry.answer("POST", "/subjects/news.headlines-value", 200,
                "{\"subject\":\"news.headlines-value\",\"id\":3,\"version\":1,\"schema\":" + JSON.valueToTree(HEADLINE.toString()) + "}");
        registry.answer("GET", "/subjects/news.headlines-value/versions/latest", 200,
                "{\"subject\":\"news.headlines-value\",\"id\":4,\"version\":2,\"schema\":"
                        + JSON.valueToTree(SampleArticles.HEADLINE_V2.toString()) + "}");
        RestSchemaRegistryClient client = client(fastRetries(registry.url()));

        assertThat(client.getId("news.headlines-value", HEADLINE)).isEqualTo(3);
        SchemaMetadata latest = client.getLatestSchemaMetadata("news.headlines-value");

        assertThat(latest.id()).isEqualTo(4);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(new Schema.Parser().parse(latest.schema())).isEqualTo(SampleArticles.HEADLINE_V2);
        assertThat(client.getSchemaById(4)).as("latest answer fills the id cache").isEqualTo(SampleArticles.HEADLINE_V2);
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void subjectsAreEscapedInThePath() {
        registry.answer("POST", "/subjects/odd%20subject%2Fvalue/versions", 200, "{\"id\":8}");

        assertThat(client(fastRetries(registry.url())).register("odd subject/value", HEADLINE)).isEqualTo(8);
    }

    @Test
    void retriesServiceUnavailableThenSucceeds() {
        registry.answer("GET", "/schemas/ids/5", 503, "{\"error_code\":50003,\"message\":\"Error while forwarding\"}")
                .answer("GET", "/schemas/ids/5", 503, "{\"error_code\":50003,\"message\":\"Error while forwarding\"}")
                .answer("GET", "/schemas/ids/5", 200, schemaAnswer(HEADLINE));

        Schema schema = client(fastRetries(registry.url())).getSchemaById(5);

        assertThat(schema).isEqualTo(HEADLINE);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        registry.answer("GET", "/schemas/ids/5", 503, "{\"error_code\":50003,\"message\":\"Error while forwarding\"}");
        Map<String, Object> config = fastRetries(registry.url());
        config.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 2);

        assertThatThrownBy(() -> client(config).getSchemaById(5))
                .isInstanceOf(RegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining(registry.url())
                .hasMessageContaining("HTTP 503");
        assertThat(registry.requests()).as("one try and two retries").hasSize(3);
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        registry.answer("GET", "/schemas/ids/5", 200, schemaAnswer(HEADLINE));
        Map<String, Object> config = fastRetries(registry.url());
        config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(AvroSerdeConfig.USER_INFO_CONFIG, "newsdesk:s3cret:with-colon");

        client(config).getSchemaById(5);

        assertThat(registry.requests().get(0).authorization())
                .isEqualTo(basic("newsdesk:s3cret:with-colon"));
    }

    @Test
    void sendsBasicAuthFromTheUrlWithoutLeakingIt() throws IOException {
        registry.answer("GET", "/schemas/ids/5", 200, schemaAnswer(HEADLINE));
        String withCredentials = registry.url().replace("http://", "http://newsdesk:p%40ss@");
        Map<String, Object> config = fastRetries(withCredentials);
        config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL");

        client(config).getSchemaById(5);
        assertThat(registry.requests().get(0).authorization()).isEqualTo(basic("newsdesk:p@ss"));

        String dead = CannedRegistryServer.deadUrl().replace("http://", "http://newsdesk:p%40ss@");
        Map<String, Object> offline = fastRetries(dead);
        offline.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 0);
        assertThatThrownBy(() -> client(offline).getSchemaById(6))
                .isInstanceOf(RegistryUnavailableException.class)
                .satisfies(e -> assertThat(((RegistryUnavailableException) e).urlsTried())
                        .singleElement().asString().doesNotContain("p%40ss").doesNotContain("newsdesk"))
                .message().doesNotContain("p%40ss");
    }

    @ParameterizedTest
    @CsvSource({
        "404, 40401, Subject 'news.headlines-value' not found.",
        "404, 40403, Schema not found",
        "409, 409, Schema being registered is incompatible with an earlier schema",
        "422, 42201, Invalid schema"
    })
    void errorAnswersCarryConfluentErrorCodes(int status, int errorCode, String message) {
        registry.answer("POST", "/subjects/news.headlines-value/versions", status,
                "{\"error_code\":" + errorCode + ",\"message\":\"" + message + "\"}");

        assertThatThrownBy(() -> client(fastRetries(registry.url())).register("news.headlines-value", HEADLINE))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                    assertThat(e.getMessage()).contains(message);
                });
        assertThat(registry.requests()).as("client errors are not retried").hasSize(1);
    }

    @Test
    void failsOverToTheSecondUrlWhenTheFirstIsDown() throws IOException {
        registry.answer("GET", "/schemas/ids/5", 200, schemaAnswer(HEADLINE));
        Map<String, Object> config = fastRetries(CannedRegistryServer.deadUrl() + "," + registry.url());
        config.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 0);

        assertThat(client(config).getSchemaById(5)).isEqualTo(HEADLINE);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void keepsUsingTheUrlThatAnsweredLast() throws IOException {
        try (CannedRegistryServer second = new CannedRegistryServer()) {
            registry.answer("GET", "/schemas/ids/5", 503, "{\"error_code\":50003,\"message\":\"Leader unavailable\"}")
                    .answer("GET", "/schemas/ids/6", 200, schemaAnswer(SampleArticles.HEADLINE_V2));
            second.answer("GET", "/schemas/ids/5", 200, schemaAnswer(HEADLINE))
                    .answer("GET", "/schemas/ids/6", 200, schemaAnswer(SampleArticles.HEADLINE_V2));
            Map<String, Object> config = fastRetries(registry.url() + "," + second.url());
            config.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 0);
            RestSchemaRegistryClient client = client(config);

            assertThat(client.getSchemaById(5)).isEqualTo(HEADLINE);
            assertThat(client.getSchemaById(6)).isEqualTo(SampleArticles.HEADLINE_V2);

            assertThat(registry.requests()).extracting(CannedRegistryServer.Request::path)
                    .containsExactly("/schemas/ids/5");
            assertThat(second.requests()).extracting(CannedRegistryServer.Request::path)
                    .containsExactly("/schemas/ids/5", "/schemas/ids/6");
        }
    }

    @Test
    void unreachableRegistryNamesEveryUrlTried() throws IOException {
        String first = CannedRegistryServer.deadUrl();
        String second = CannedRegistryServer.deadUrl();
        Map<String, Object> config = fastRetries(first + ", " + second);
        config.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 1);

        assertThatThrownBy(() -> client(config).getSchemaById(5))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.urlsTried()).containsExactly(first, second);
                    assertThat(e.getMessage()).contains(first, second, "2 attempt(s)");
                });
    }

    @Test
    void schemaByIdIsFetchedOnce() {
        registry.answer("GET", "/schemas/ids/5", 200, schemaAnswer(HEADLINE));
        RestSchemaRegistryClient client = client(fastRetries(registry.url()));

        Schema first = client.getSchemaById(5);
        Schema second = client.getSchemaById(5);

        assertThat(second).isSameAs(first);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void registrationIsCachedBothWays() {
        registry.answer("POST", "/subjects/news.headlines-value/versions", 200, "{\"id\":21}");
        RestSchemaRegistryClient client = client(fastRetries(registry.url()));

        client.register("news.headlines-value", HEADLINE);
        int again = client.register("news.headlines-value", HEADLINE);
        int lookedUp = client.getId("news.headlines-value", HEADLINE);
        Schema byId = client.getSchemaById(21);

        assertThat(List.of(again, lookedUp)).containsOnly(21);
        assertThat(byId).isEqualTo(HEADLINE);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void compatibilityCheckUsesTheLatestVersion() {
        registry.answer("POST", "/compatibility/subjects/news.headlines-value/versions/latest", 200,
                "{\"is_compatible\":false}");

        assertThat(client(fastRetries(registry.url())).testCompatibility("news.headlines-value", HEADLINE)).isFalse();
        assertThat(registry.requests()).hasSize(1);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
