package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.testkit.NewsflowStackExtension;

/** {@code newsflow produce} then {@code newsflow consume} against a real broker and registry, as a user runs them. */
class ProduceConsumeIT {

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @TempDir
    Path dir;

    @Test
    void producedLinesComeBackAsJsonAndRefusedLinesGoToTheRejectsFile() throws IOException {
        Path input = dir.resolve("articles.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\":\"p-1\",\"url\":\"https://gazette.example/a\",\"source\":\"gazette.example\",\"title\":\"A\","
                        + "\"body\":\"The harbour board met on Tuesday.\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}",
                "{\"id\":\"p-2\",\"body\":\"\"}",
                "{\"id\":\"p-3\",\"source\":\"wire.example\",\"title\":\"Café\",\"body\":\"Ünïcödé survives.\"}",
                ""), StandardCharsets.UTF_8);
        String[] kafka = {"-b", STACK.bootstrapServers(), "-r", STACK.schemaRegistryUrl(), "-D",
                "topics.raw=cli.news.raw", "-D", "topics.partitions=1"};

        int produced = NewsflowCli.commandLine().execute(concat(new String[] {"produce", input.toString()}, kafka));
        assertThat(produced).as("a refused line makes the exit status 2").isEqualTo(2);
        assertThat(Files.readString(input.resolveSibling("articles.jsonl.rejects.jsonl"))).contains("MISSING_BODY");

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int consumed;
        try {
            consumed = NewsflowCli.commandLine().execute(concat(new String[] {"consume", "--topic", "cli.news.raw",
                    "--from-beginning", "--max", "2", "--idle-timeout", "60"}, kafka));
        } finally {
            System.setOut(original);
        }
        assertThat(consumed).isZero();
        List<JsonNode> records = captured.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return RecordJson.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(records).extracting(node -> node.get("key").asText()).containsExactly("p-1", "p-3");
        assertThat(records.get(0).get("value").get("publishedAt").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(records.get(1).get("value").get("title").asText()).isEqualTo("Café");
        assertThat(records.get(1).get("value").get("body").asText()).isEqualTo("Ünïcödé survives.");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
