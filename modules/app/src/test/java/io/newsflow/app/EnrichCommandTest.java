package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code newsflow enrich}: the pipeline's stages on JSON Lines without Kafka, on the bundled sample corpus. */
class EnrichCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSampleCorpusIsCleanedDeduplicatedAndEveryLineAccountedFor() throws IOException {
        Path input = dir.resolve("sample.jsonl");
        try (InputStream sample = EnrichCommandTest.class.getResourceAsStream(DemoCommand.SAMPLE)) {
            Files.copy(sample, input);
        }
        Path output = dir.resolve("enriched.jsonl");
        Path duplicates = dir.resolve("duplicates.jsonl");
        Path deadLetters = dir.resolve("dead-letter.jsonl");

        int exit = NewsflowCli.commandLine().execute("enrich", "--no-tagger", "--input", input.toString(),
                "--output", output.toString(), "--duplicates", duplicates.toString(),
                "--dead-letters", deadLetters.toString());

        assertThat(exit).as("refused lines make the exit status 2").isEqualTo(2);
        List<JsonNode> enriched = read(output);
        List<JsonNode> copies = read(duplicates);
        List<JsonNode> refused = read(deadLetters);
        assertThat(enriched.size() + copies.size() + refused.size()).isEqualTo(39);
        assertThat(refused).extracting(node -> node.get("line").asLong()).containsExactlyInAnyOrder(7L, 13L, 21L,
                29L, 36L);
        assertThat(copies).extracting(node -> node.get("id").asText()).contains("dm-20261113-veltra-results-resend",
                "hg-20261118-port-strike-day3-social", "co-20261120-zipride-loses-appeal");
        JsonNode seed = enriched.stream().filter(node -> node.get("id").asText().equals("seed-000")).findFirst()
                .orElseThrow();
        assertThat(seed.get("body").asText()).endsWith("Linda Thomas-Greenfield.").doesNotContain("Read also");
        assertThat(seed.get("contentHash").asText()).hasSize(64);
    }

    private static List<JsonNode> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return RecordJson.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
