package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.RawArticle;

/** Every malformed kind of JSON Lines input is reported with its line and reason, and the rest still loads. */
class JsonLinesLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final CollectingArticleSink sink = new CollectingArticleSink();
    private final List<Rejection> rejected = new ArrayList<>();
    private final RejectSink rejects = new RejectSink() {
        @Override
        public void reject(Rejection rejection) {
            rejected.add(rejection);
        }

        @Override
        public void close() {
        }
    };

    private ArticleLoader loader(ProduceOptions options) {
        return new ArticleLoader(sink, rejects, options.withProgress(false), ArticleIds.standard(), clock, clock);
    }

    @Test
    void reportsEachMalformedLineWithNumberAndReasonAndLoadsTheRest() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        line(file, "{\"id\":\"a1\",\"title\":\"Harbour reopens\",\"body\":\"The harbour reopened on Monday.\"}"); // 1 ok
        line(file, "{\"id\":\"a2\",\"body\":\"unterminated"); // 2 invalid JSON
        line(file, "[1,2,3]"); // 3 not an object
        line(file, "{\"id\":\"a4\",\"title\":\"No body here\"}"); // 4 missing body
        line(file, "{\"id\":\"a5\",\"body\":\"   \"}"); // 5 empty body
        line(file, "{\"id\":\"a6\",\"title\":42,\"body\":\"Council votes.\"}"); // 6 wrong type
        line(file, "{\"id\":\"a7\",\"body\":\"Mayor speaks.\",\"publishedAt\":\"last Tuesday\"}"); // 7 bad date
        file.write("{\"id\":\"a8\",\"body\":\"caf".getBytes(StandardCharsets.US_ASCII)); // 8 invalid UTF-8
        file.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        file.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        line(file, "{\"id\":\"a9\",\"body\":\"" + "x".repeat(600) + "\"}"); // 9 body too large (limit 500)
        line(file, "{\"id\":\"a10\",\"body\":\"A PDF.\",\"contentType\":\"application/pdf\"}"); // 10 unknown type
        line(file, ""); // 11 blank: not a record
        line(file, "{\"id\":\"a12\",\"body\":\"<p>Rail strike ends.</p>\",\"contentType\":\"text/html\"," // 12 ok
                + "\"publishedAt\":1767225600000,\"headers\":{\"author\":\"M. Okafor\"}}");
        line(file, "{\"id\":\"a13\",\"body\":\"Late line.\",\"headers\":[\"x\"]}"); // 13 headers wrong type
        file.write("{\"id\":\"a14\",\"body\":\"No newline at end.\",\"publishedAt\":\"2026-02-27T08:30:00+01:00\"}"
                .getBytes(StandardCharsets.UTF_8)); // 14 ok
        Path input = dir.resolve("batch.jsonl");
        Files.write(input, file.toByteArray());

        LoadSummary summary = loader(ProduceOptions.defaults().withMaxBodyBytes(500)).load(List.of(input));

        assertThat(rejected).extracting(Rejection::line, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, RejectReason.INVALID_JSON),
                org.assertj.core.groups.Tuple.tuple(3L, RejectReason.NOT_AN_OBJECT),
                org.assertj.core.groups.Tuple.tuple(4L, RejectReason.MISSING_BODY),
                org.assertj.core.groups.Tuple.tuple(5L, RejectReason.MISSING_BODY),
                org.assertj.core.groups.Tuple.tuple(6L, RejectReason.WRONG_FIELD_TYPE),
                org.assertj.core.groups.Tuple.tuple(7L, RejectReason.UNPARSEABLE_DATE),
                org.assertj.core.groups.Tuple.tuple(8L, RejectReason.INVALID_UTF8),
                org.assertj.core.groups.Tuple.tuple(9L, RejectReason.BODY_TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple(10L, RejectReason.UNKNOWN_CONTENT_TYPE),
                org.assertj.core.groups.Tuple.tuple(13L, RejectReason.WRONG_FIELD_TYPE));
        assertThat(rejected).allSatisfy(r -> assertThat(r.file()).isEqualTo(input.toString()));
        assertThat(rejected.get(4).detail()).contains("title");
        assertThat(sink.articles()).extracting(RawArticle::getId).containsExactly("a1", "a12", "a14");
        assertThat(summary.read()).isEqualTo(13);
        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.rejectedTotal()).isEqualTo(10);
        assertThat(summary.rejected()).containsEntry(RejectReason.MISSING_BODY, 2L);
        assertThat(summary.bytes()).isEqualTo(file.size());
        assertThat(summary.exitCode()).isEqualTo(LoadSummary.EXIT_REJECTED);
    }

    @Test
    void mapsFieldsAndDefaults() throws IOException {
        Path input = dir.resolve("one.jsonl");
        Files.writeString(input, "{\"id\":\"a12\",\"url\":\"https://news.example/a\",\"source\":\"Example Daily\","
                + "\"title\":\"Rail strike ends\",\"body\":\"<p>Rail strike ends.</p>\",\"contentType\":\"text/html; charset=utf-8\","
                + "\"language\":\"en\",\"publishedAt\":1767225600000,\"headers\":{\"author\":\"M. Okafor\",\"words\":812}}\n"
                + "{\"body\":\"Plain by default.\",\"publishedAt\":\"2026-02-27\"}\n");

        LoadSummary summary = loader(ProduceOptions.defaults()).load(List.of(input));

        assertThat(summary.exitCode()).isZero();
        RawArticle first = sink.articles().get(0);
        assertThat(first.getUrl()).isEqualTo("https://news.example/a");
        assertThat(first.getSource()).isEqualTo("Example Daily");
        assertThat(first.getTitle()).isEqualTo("Rail strike ends");
        assertThat(first.getContentType()).isEqualTo("text/html");
        assertThat(first.getLanguage()).isEqualTo("en");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1767225600000L));
        assertThat(first.getFetchedAt()).isEqualTo(clock.instant());
        assertThat(first.getHeaders()).containsEntry("author", "M. Okafor").containsEntry("words", "812");
        assertThat(sink.sent().get(0).headers())
                .containsEntry(IngestHeaders.SOURCE, "Example Daily")
                .containsEntry(IngestHeaders.INGEST_FILE, input.toString());
        RawArticle second = sink.articles().get(1);
        assertThat(second.getContentType()).isEqualTo("text/plain");
        assertThat(second.getPublishedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:00Z"));
        assertThat(second.getId()).startsWith("txt-");
        assertThat(sink.flushes()).isEqualTo(1);
    }

    @Test
    void rejectsFileKeepsRawTextOrBase64() throws IOException {
        byte[] notUtf8 = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xFF, '"', '}'};
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        line(stdin, "{\"title\":\"no body\"}");
        stdin.write(notUtf8);
        stdin.write('\n');
        Path rejectsPath = dir.resolve("stdin.rejects.jsonl");

        try (RejectsFile file = new RejectsFile(rejectsPath)) {
            ArticleLoader loader = new ArticleLoader(sink, file, ProduceOptions.defaults().withProgress(false),
                    ArticleIds.standard(), clock, clock);
            LoadSummary summary = loader.load(ArticleLoader.STDIN, new ByteArrayInputStream(stdin.toByteArray()));
            assertThat(summary.rejectedTotal()).isEqualTo(2);
        }

        List<String> lines = Files.readAllLines(rejectsPath);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("file").asText()).isEqualTo("-");
        assertThat(first.get("line").asLong()).isEqualTo(1);
        assertThat(first.get("reason").asText()).isEqualTo("MISSING_BODY");
        assertThat(first.get("raw").asText()).isEqualTo("{\"title\":\"no body\"}");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("reason").asText()).isEqualTo("INVALID_UTF8");
        assertThat(second.get("rawEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(second.get("raw").asText())).isEqualTo(notUtf8);
    }

    @Test
    void cleanLoadCreatesNoRejectsFile() throws IOException {
        Path input = dir.resolve("clean.jsonl");
        Files.writeString(input, "{\"body\":\"Fine.\"}\n");
        Path rejectsPath = RejectsFile.besideInput(input);
        try (RejectsFile file = RejectsFile.forLoad(ProduceOptions.defaults(), input)) {
            new ArticleLoader(sink, file, ProduceOptions.defaults().withProgress(false)).load(List.of(input));
        }
        assertThat(rejectsPath.getFileName().toString()).isEqualTo("clean.jsonl.rejects.jsonl");
        assertThat(rejectsPath).doesNotExist();
        assertThat(sink.articles()).hasSize(1);
    }

    @Test
    void dryRunValidatesWithoutSending() throws IOException {
        Path input = dir.resolve("dry.jsonl");
        Files.writeString(input, "{\"body\":\"One.\"}\n{\"body\":\"Two.\"}\nnot json\n");

        LoadSummary summary = loader(ProduceOptions.defaults().withDryRun(true)).load(List.of(input));

        assertThat(sink.sent()).isEmpty();
        assertThat(summary.valid()).isEqualTo(2);
        assertThat(summary.sent()).isZero();
        assertThat(summary.rejected()).containsEntry(RejectReason.INVALID_JSON, 1L);
    }

    @Test
    void throttleSpacesRecordsOnTheInjectedClock() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append("{\"id\":\"t").append(i).append("\",\"body\":\"Item ").append(i).append(".\"}\n");
        }
        LoadSummary summary = loader(ProduceOptions.defaults().withRate(10))
                .load("-", new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(summary.sent()).isEqualTo(50);
        // 50 records at 10/s: the first goes at once, the other 49 wait 100 ms each.
        assertThat(clock.totalSlept()).isEqualTo(java.time.Duration.ofMillis(4_900));
    }

    @Test
    void missingNamedInputFailsBeforeAnythingIsSent() throws IOException {
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, "{\"body\":\"Fine.\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> loader(ProduceOptions.defaults()).load(List.of(good, dir.resolve("typo.jsonl"))))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("typo.jsonl");
        assertThat(sink.sent()).isEmpty();
    }

    private static void line(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
