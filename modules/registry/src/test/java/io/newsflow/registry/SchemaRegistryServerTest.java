/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.newsflow.registry.RegistryClient.Reply;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.newsflow.registry.HeadlineSchemas.FEED;
import static io.newsflow.registry.HeadlineSchemas.REQUIRED_WORD_COUNT;
import static io.newsflow.registry.HeadlineSchemas.TITLE_AS_INT;
import static io.newsflow.registry.HeadlineSchemas.V1;
import static io.newsflow.registry.HeadlineSchemas.V2_OPTIONAL_SECTION;
import static org.assertj.core.api.Assertions.assertThat;

/** The REST API end to end over real HTTP, on the in-memory store. */
class SchemaRegistryServerTest {

    private static final String SUBJECT = "news.headlines-value";

    private SchemaRegistryServer server;
    private RegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start(RegistryServerConfig.defaults());
        client = new RegistryClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String canonical(String schema) {
        return new Schema.Parser().parse(schema).toString();
    }

    @Test
    void rootAnswersAnEmptyObjectWithTheRegistryMediaType() {
        Reply reply = client.get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().isObject()).isTrue();
        assertThat(reply.body().size()).isZero();
        assertThat(reply.contentType()).isEqualTo(RegistryClient.MEDIA_TYPE);
    }

    @Test
    void urlIsLoopbackWithTheBoundPort() {
        assertThat(server.url().getScheme()).isEqualTo("http");
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.url().getPort()).isPositive();
    }

    @Test
    void registeringGivesIdsFromOneAndReRegisteringIsIdempotent() {
        Reply first = client.register(SUBJECT, V1);
        Reply again = client.register(SUBJECT, V1);
        int other = client.registerOk("news.feeds-value", FEED);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("id").asInt()).isEqualTo(1);
        assertThat(again.body().get("id").asInt()).isEqualTo(1);
        assertThat(other).isEqualTo(2);
        assertThat(client.get("/subjects/" + SUBJECT + "/versions").body()).hasSize(1);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectKeepsItsId() {
        int headlines = client.registerOk(SUBJECT, V1);
        // Whitespace and field order of JSON keys do not make a different schema.
        String reformatted = V1.replace("\n", " ").replace("{\"type\":\"record\",\"name\":\"Headline\"",
                "{\"name\":\"Headline\", \"type\":\"record\"");
        int archive = client.registerOk("news.archive-value", reformatted);

        assertThat(archive).isEqualTo(headlines);
        JsonNode uses = client.get("/schemas/ids/" + headlines + "/versions").body();
        assertThat(uses).hasSize(2);
        assertThat(uses.findValuesAsText("subject")).containsExactly("news.archive-value", SUBJECT);
    }

    @Test
    void lookupFindsTheRegisteredVersion() {
        int id = client.registerOk(SUBJECT, V1);

        Reply found = client.post("/subjects/" + SUBJECT, Map.of("schema", V1));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("subject").asText()).isEqualTo(SUBJECT);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(found.body().get("id").asInt()).isEqualTo(id);
        assertThat(found.body().get("schema").asText()).isEqualTo(canonical(V1));
    }

    @Test
    void schemaByIdReturnsTheSchemaText() {
        int id = client.registerOk(SUBJECT, V1);

        Reply reply = client.get("/schemas/ids/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(reply.body().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(V1));
    }

    @Test
    void listsSubjectsVersionsAndLatest() {
        client.registerOk(SUBJECT, V1);
        int v2 = client.registerOk(SUBJECT, V2_OPTIONAL_SECTION);
        client.registerOk("news.feeds-value", FEED);

        assertThat(texts(client.get("/subjects").body())).containsExactly("news.feeds-value", SUBJECT);
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1, 2);

        JsonNode latest = client.get("/subjects/" + SUBJECT + "/versions/latest").body();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(v2);
        assertThat(latest.get("schema").asText()).isEqualTo(canonical(V2_OPTIONAL_SECTION));

        JsonNode first = client.get("/subjects/" + SUBJECT + "/versions/1").body();
        assertThat(first.get("schema").asText()).isEqualTo(canonical(V1));

        JsonNode rawSchema = client.get("/subjects/" + SUBJECT + "/versions/1/schema").body();
        assertThat(rawSchema.get("name").asText()).isEqualTo("Headline");
        assertThat(rawSchema.get("fields")).hasSize(2);
    }

    @Test
    void evolutionWithANewOptionalFieldIsAcceptedAsBackward() {
        int v1 = client.registerOk(SUBJECT, V1);

        Reply v2 = client.register(SUBJECT, V2_OPTIONAL_SECTION);

        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body().get("id").asInt()).isNotEqualTo(v1);
    }

    @Test
    void aNewRequiredFieldIsRejectedWith409NamingTheField() {
        client.registerOk(SUBJECT, V1);

        Reply rejected = client.register(SUBJECT, REQUIRED_WORD_COUNT);

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.errorCode()).isEqualTo(409);
        assertThat(rejected.message()).contains("incompatible", "READER_FIELD_MISSING_DEFAULT_VALUE", "wordCount");
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1);
    }

    @Test
    void aTypeChangeIsRejectedWith409() {
        client.registerOk(SUBJECT, V1);

        Reply rejected = client.register(SUBJECT, TITLE_AS_INT);

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.message()).contains("TYPE_MISMATCH", "/fields/1");
    }

    @Test
    void compatibilityEndpointJudgesWithoutRegistering() {
        client.registerOk(SUBJECT, V1);

        Reply compatible = client.post("/compatibility/subjects/" + SUBJECT + "/versions/latest",
                Map.of("schema", V2_OPTIONAL_SECTION));
        Reply incompatible = client.post("/compatibility/subjects/" + SUBJECT + "/versions/1?verbose=true",
                Map.of("schema", REQUIRED_WORD_COUNT));

        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.body().get("is_compatible").asBoolean()).isTrue();
        assertThat(incompatible.status()).isEqualTo(200);
        assertThat(incompatible.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.body().get("messages").toString()).contains("wordCount");
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1);
    }

    @Test
    void forwardCompatibilityChecksThatOldReadersCanReadNewData() {
        client.registerOk(SUBJECT, V2_OPTIONAL_SECTION);
        client.put("/config/" + SUBJECT, Map.of("compatibility", "FORWARD"));

        // Readers still on v2 fill the dropped section from its default, so dropping it is forward compatible.
        Reply dropsSection = client.register(SUBJECT, V1);
        Reply titleAsInt = client.register(SUBJECT, TITLE_AS_INT);

        assertThat(dropsSection.status()).isEqualTo(200);
        assertThat(titleAsInt.status()).isEqualTo(409);
    }

    @Test
    void transitiveLevelsCompareWithEveryVersion() {
        String v1 = V1;
        // v2 drops the title: fine for BACKWARD against v1 (readers ignore extra writer fields).
        String v2 = """
                {"type":"record","name":"Headline","namespace":"io.newsflow.test","fields":[
                  {"name":"url","type":"string"}]}""";
        // v3 brings the title back as an int with a default: compatible with v2, not with v1.
        String v3 = """
                {"type":"record","name":"Headline","namespace":"io.newsflow.test","fields":[
                  {"name":"url","type":"string"},
                  {"name":"title","type":"int","default":0}]}""";
        client.registerOk(SUBJECT, v1);
        client.registerOk(SUBJECT, v2);

        client.put("/config/" + SUBJECT, Map.of("compatibility", "BACKWARD_TRANSITIVE"));
        Reply transitive = client.register(SUBJECT, v3);
        client.put("/config/" + SUBJECT, Map.of("compatibility", "BACKWARD"));
        Reply latestOnly = client.register(SUBJECT, v3);

        assertThat(transitive.status()).isEqualTo(409);
        assertThat(transitive.message()).contains("oldSchemaVersion:1");
        assertThat(latestOnly.status()).isEqualTo(200);
    }

    @Test
    void subjectConfigOverridesTheGlobalLevel() {
        client.registerOk(SUBJECT, V1);
        client.registerOk("news.feeds-value", FEED);

        Reply put = client.put("/config/" + SUBJECT, Map.of("compatibility", "none"));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("compatibility").asText()).isEqualTo("NONE");
        assertThat(client.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(client.get("/config/" + SUBJECT).body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(client.register(SUBJECT, REQUIRED_WORD_COUNT).status()).isEqualTo(200);
        String feedWithRequiredField = FEED.replace("\"type\":\"string\"}]}",
                "\"type\":\"string\"},{\"name\":\"url\",\"type\":\"string\"}]}");
        assertThat(client.register("news.feeds-value", feedWithRequiredField).status()).isEqualTo(409);
    }

    @Test
    void globalConfigCanBeChangedAndSubjectConfigDeleted() {
        client.registerOk(SUBJECT, V1);
        client.put("/config/" + SUBJECT, Map.of("compatibility", "FULL"));

        Reply global = client.put("/config", Map.of("compatibility", "FORWARD_TRANSITIVE"));
        Reply removed = client.delete("/config/" + SUBJECT);

        assertThat(global.body().get("compatibility").asText()).isEqualTo("FORWARD_TRANSITIVE");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("compatibilityLevel").asText()).isEqualTo("FULL");
        Reply unset = client.get("/config/" + SUBJECT);
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(client.get("/config/" + SUBJECT + "?defaultToGlobal=true").body().get("compatibilityLevel")
                .asText()).isEqualTo("FORWARD_TRANSITIVE");
    }

    @Test
    void softDeleteHidesVersionsAndPermanentDeleteRemovesThem() {
        int id = client.registerOk(SUBJECT, V1);
        client.registerOk(SUBJECT, V2_OPTIONAL_SECTION);

        Reply deletedVersion = client.delete("/subjects/" + SUBJECT + "/versions/2");
        assertThat(deletedVersion.status()).isEqualTo(200);
        assertThat(deletedVersion.body().asInt()).isEqualTo(2);
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1);
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions?deleted=true").body())).containsExactly(1, 2);

        Reply deletedSubject = client.delete("/subjects/" + SUBJECT);
        assertThat(ints(deletedSubject.body())).containsExactly(1);
        assertThat(texts(client.get("/subjects").body())).isEmpty();
        assertThat(texts(client.get("/subjects?deleted=true").body())).containsExactly(SUBJECT);
        // A soft-deleted schema is still readable by id: consumers may hold data written with it.
        assertThat(client.get("/schemas/ids/" + id).status()).isEqualTo(200);

        Reply again = client.delete("/subjects/" + SUBJECT);
        assertThat(again.errorCode()).isEqualTo(40404);

        Reply purged = client.delete("/subjects/" + SUBJECT + "?permanent=true");
        assertThat(ints(purged.body())).containsExactly(1, 2);
        assertThat(texts(client.get("/subjects?deleted=true").body())).isEmpty();
        assertThat(client.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
    }

    @Test
    void permanentDeleteNeedsASoftDeleteFirst() {
        client.registerOk(SUBJECT, V1);

        Reply subject = client.delete("/subjects/" + SUBJECT + "?permanent=true");
        Reply version = client.delete("/subjects/" + SUBJECT + "/versions/1?permanent=true");

        assertThat(subject.errorCode()).isEqualTo(40405);
        assertThat(version.errorCode()).isEqualTo(40407);
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(1);
    }

    @Test
    void versionsContinueAfterASoftDeleteAndReRegisteringCreatesANewVersionWithTheSameId() {
        int id = client.registerOk(SUBJECT, V1);
        client.delete("/subjects/" + SUBJECT + "/versions/1");

        int again = client.registerOk(SUBJECT, V1);

        assertThat(again).isEqualTo(id);
        assertThat(ints(client.get("/subjects/" + SUBJECT + "/versions").body())).containsExactly(2);
    }

    @Test
    void unknownSubjectIs40401() {
        Reply versions = client.get("/subjects/nope/versions");
        Reply lookup = client.post("/subjects/nope", Map.of("schema", V1));

        assertThat(versions.status()).isEqualTo(404);
        assertThat(versions.body().get("error_code").asInt()).isEqualTo(40401);
        assertThat(versions.message()).isEqualTo("Subject 'nope' not found.");
        assertThat(lookup.errorCode()).isEqualTo(40401);
    }

    @Test
    void unknownVersionIs40402() {
        client.registerOk(SUBJECT, V1);

        Reply reply = client.get("/subjects/" + SUBJECT + "/versions/7");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40402);
        assertThat(reply.message()).isEqualTo("Version 7 not found.");
    }

    @Test
    void unknownSchemaIs40403() {
        client.registerOk(SUBJECT, V1);

        Reply byId = client.get("/schemas/ids/42");
        Reply lookup = client.post("/subjects/" + SUBJECT, Map.of("schema", FEED));

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.errorCode()).isEqualTo(40403);
        assertThat(byId.message()).contains("42");
        assertThat(lookup.status()).isEqualTo(404);
        assertThat(lookup.errorCode()).isEqualTo(40403);
    }

    @Test
    void invalidSchemaIs42201() {
        Reply broken = client.register(SUBJECT, "{\"type\":\"record\",\"name\":\"Headline\",\"fields\":[{\"name\":\"x\"}]}");
        Reply notJson = client.register(SUBJECT, "{not json");
        Reply badDefault = client.register(SUBJECT, """
                {"type":"record","name":"Headline","fields":[{"name":"n","type":"int","default":"ten"}]}""");

        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.errorCode()).isEqualTo(42201);
        assertThat(notJson.errorCode()).isEqualTo(42201);
        assertThat(badDefault.errorCode()).isEqualTo(42201);
        assertThat(client.get("/subjects").body()).isEmpty();
    }

    @Test
    void nonAvroSchemaTypesAre42201WithAClearMessage() {
        Reply protobuf = client.post("/subjects/" + SUBJECT + "/versions",
                Map.of("schema", "syntax = \"proto3\"; message Headline { string url = 1; }", "schemaType", "PROTOBUF"));
        Reply explicitAvro = client.post("/subjects/" + SUBJECT + "/versions",
                Map.of("schema", V1, "schemaType", "AVRO"));

        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.message()).contains("PROTOBUF", "only supports AVRO");
        assertThat(explicitAvro.status()).isEqualTo(200);
    }

    @Test
    void invalidVersionIs42202() {
        client.registerOk(SUBJECT, V1);

        Reply zero = client.get("/subjects/" + SUBJECT + "/versions/0");
        Reply word = client.get("/subjects/" + SUBJECT + "/versions/newest");

        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.errorCode()).isEqualTo(42202);
        assertThat(word.errorCode()).isEqualTo(42202);
    }

    @Test
    void invalidCompatibilityLevelIs42203() {
        Reply reply = client.put("/config", Map.of("compatibility", "SIDEWAYS"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42203);
        assertThat(reply.message()).contains("Invalid compatibility level");
        assertThat(client.get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void acceptsTheThreeMediaTypesAndRefusesOthers() {
        String body = "{\"schema\":" + new TextNode(V1) + "}";

        Reply plain = client.post("/subjects/a/versions", "application/json", body);
        Reply unversioned = client.post("/subjects/b/versions", "application/vnd.schemaregistry+json", body);
        Reply withCharset = client.post("/subjects/c/versions", "application/json; charset=utf-8", body);
        Reply xml = client.post("/subjects/d/versions", "application/xml", body);

        assertThat(plain.status()).isEqualTo(200);
        assertThat(unversioned.status()).isEqualTo(200);
        assertThat(withCharset.status()).isEqualTo(200);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(texts(client.get("/subjects").body())).containsExactly("a", "b", "c");
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() {
        Reply unknown = client.get("/topics");
        Reply wrongMethod = client.put("/subjects", Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);
    }

    @Test
    void subjectNamesAreDecodedFromThePath() {
        int id = client.registerOk("news%2Fweird%20name", V1);

        assertThat(texts(client.get("/subjects").body())).containsExactly("news/weird name");
        assertThat(client.get("/subjects/news%2Fweird%20name/versions/latest").body().get("id").asInt())
                .isEqualTo(id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asInt()));
        return values;
    }
}
