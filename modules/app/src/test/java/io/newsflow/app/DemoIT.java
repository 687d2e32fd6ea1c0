package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code newsflow demo} end to end: embedded broker and registry, the pipeline with the real entity tagger, the
 * producer on the bundled sample corpus, and the JSON Lines it writes. Line numbers refer to the corpus's README.
 */
class DemoIT {

    @TempDir
    static Path outputDir;

    static int exitCode;
    static List<JsonNode> enriched;
    static Map<String, JsonNode> duplicatesById;
    static List<JsonNode> deadLetters;

    @BeforeAll
    static void runDemo() throws IOException {
        exitCode = NewsflowCli.commandLine().execute("demo", "--output-dir", outputDir.toString(), "--timeout", "240");
        enriched = read("enriched.jsonl");
        duplicatesById = new HashMap<>();
        read("duplicates.jsonl").forEach(node -> duplicatesById.put(node.get("id").asText(), node));
        deadLetters = read("dead-letter.jsonl");
    }

    @Test
    void everyInputLineIsAccountedForExactlyOnce() {
        assertThat(exitCode).isZero();
        assertThat(enriched.size() + duplicatesById.size() + deadLetters.size()).isEqualTo(39);
        List<String> enrichedIds = enriched.stream().map(node -> node.get("id").asText()).toList();
        assertThat(enrichedIds).doesNotHaveDuplicates().doesNotContainAnyElementsOf(duplicatesById.keySet());
    }

    @Test
    void theSeedArticleIsCleanedAndTagged() {
        JsonNode seed = enriched.stream().filter(node -> node.get("id").asText().equals("seed-000")).findFirst()
                .orElseThrow();
        String body = seed.get("body").asText();
        assertThat(body).endsWith("up to five million additional people displaced”, further warned Wednesday the "
                + "American ambassador to the UN, Linda Thomas-Greenfield.");
        assertThat(body).doesNotContain("Read also").doesNotContain("Akismet").doesNotContain("Leave a Comment");
        assertThat(seed.get("removedBlocks")).isNotEmpty();

        Map<String, String> typeByCanonical = new HashMap<>();
        seed.get("entities").forEach(entity -> typeByCanonical.put(entity.get("canonical").asText(),
                entity.get("type").asText()));
        assertThat(typeByCanonical).containsEntry("Vladimir Putin", "PER").containsEntry("Antonio Guterres", "PER")
                .containsEntry("Linda Thomas-Greenfield", "PER").containsEntry("Ukraine", "LOC")
                .containsEntry("Moscow", "LOC").containsEntry("NATO", "ORG");
        for (JsonNode entity : seed.get("entities")) {
            assertThat(body.substring(entity.get("start").asInt(), entity.get("end").asInt()))
                    .isEqualTo(entity.get("text").asText());
        }
    }

    @Test
    void theCorpusDuplicatesAreFoldedIntoTheirOriginals() {
        Map<String, String> expected = Map.of(
                "dm-20261113-veltra-results-resend", "dm-20261113-veltra-systems-profit-beats-forecasts-bu",
                "hg-20261118-port-strike-day3-social", "hg-20261118-port-strike-enters-third-day-as-cargo-ba",
                "vh-20261122-vale-derby-fb", "vh-20261122-ashford-rovers-stun-kingsport-city-with",
                "vh-20261111-alzheimers-drug-kellan-pharma", "nw-20261111-kellan-pharmas-alzheimers-drug-slows-dec",
                "mt-20261114-two-dead-storm-leonor", "nw-20261114-storm-leonor-kills-two-in-portugal-cuts",
                "co-20261120-zipride-loses-appeal", "nw-20261120-court-rules-zipride-drivers-are-workers",
                "cl-20261123-veldhuis-to-buy-marktplein", "nw-20261123-dutch-grocers-veldhuis-and-marktplein-ag");
        Map<String, String> actual = new HashMap<>();
        duplicatesById.forEach((id, node) -> actual.put(id, node.get("duplicateOf").asText()));
        assertThat(actual).isEqualTo(expected);
        assertThat(duplicatesById.get("dm-20261113-veltra-results-resend").get("kind").asText()).isEqualTo("EXACT");
        assertThat(duplicatesById.get("co-20261120-zipride-loses-appeal").get("kind").asText()).isEqualTo("NEAR");
    }

    @Test
    void malformedLinesEndInTheDeadLetterFileWithTheirReason() {
        assertThat(deadLetters).extracting(node -> node.get("offset").asLong()).containsExactlyInAnyOrder(7L, 13L, 21L,
                29L, 36L);
        assertThat(deadLetters).allSatisfy(node -> {
            assertThat(node.get("stage").asText()).isEqualTo("ingest");
            assertThat(node.get("errorMessage").asText()).isNotBlank();
            assertThat(node.get("value").asText()).isNotBlank();
        });
    }

    private static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(outputDir.resolve(file), StandardCharsets.UTF_8)) {
            nodes.add(RecordJson.MAPPER.readTree(line));
        }
        return nodes;
    }
}
