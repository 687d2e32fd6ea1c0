package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.RawArticle;

/** Walking a tree of .txt, .html, .json and .jsonl files, with stable ids across loads and moves. */
class DirectoryLoadTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<Rejection> rejected = new ArrayList<>();

    private Path writeTree(Path root) throws IOException {
        Files.createDirectories(root.resolve("2026/03"));
        Files.copy(Path.of("src/test/resources/seed-article.txt"), root.resolve("2026/03/kremlin.txt"));
        Files.writeString(root.resolve("2026/03/ferry.html"), """
                <html><head><title>Ferry service resumes after storm</title></head>
                <body><nav>Home | World</nav><article><p>The island ferry sailed again on Friday.</p></article></body></html>
                """);
        Files.writeString(root.resolve("single.json"), """
                {
                  "id": "pretty-1",
                  "title": "Library extends hours",
                  "body": "The city library will open until nine."
                }
                """);
        Files.writeString(root.resolve("array.json"), """
                [ {"id": "arr-1", "body": "First in array."},
                  {"id": "arr-2", "title": 7, "body": "Bad title type."},
                  {"id": "arr-3", "body": "Third in array."} ]
                """);
        Files.writeString(root.resolve("lines.jsonl"), "{\"id\":\"l-1\",\"body\":\"Line one.\"}\n{oops\n");
        Files.writeString(root.resolve("empty.txt"), "  \n");
        Files.write(root.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        return root;
    }

    private LoadSummary load(Path root, CollectingArticleSink sink) throws IOException {
        RejectSink collect = new RejectSink() {
            @Override
            public void reject(Rejection rejection) {
                rejected.add(rejection);
            }

            @Override
            public void close() {
            }
        };
        return new ArticleLoader(sink, collect, ProduceOptions.defaults().withProgress(false).withDefaultSource("archive"),
                ArticleIds.standard(), clock, clock).load(List.of(root));
    }

    @Test
    void loadsEveryFormatRecursivelyAndReportsTheRest() throws IOException {
        Path root = writeTree(dir.resolve("news"));
        CollectingArticleSink sink = new CollectingArticleSink();

        LoadSummary summary = load(root, sink);

        Map<String, RawArticle> byTitle = sink.articles().stream()
                .filter(a -> a.getTitle() != null)
                .collect(Collectors.toMap(RawArticle::getTitle, Function.identity()));
        RawArticle seed = byTitle.get("Kremlin says separatists in Ukraine called on Russia for ‘help’ against Kyiv");
        assertThat(seed).isNotNull();
        assertThat(seed.getBody()).startsWith("The Kremlin announced");
        assertThat(seed.getContentType()).isEqualTo("text/plain");
        assertThat(seed.getId()).startsWith("file-");
        RawArticle ferry = byTitle.get("Ferry service resumes after storm");
        assertThat(ferry.getContentType()).isEqualTo("text/html");
        assertThat(ferry.getBody()).contains("<article>");
        assertThat(byTitle.get("Library extends hours").getId()).isEqualTo("pretty-1");
        assertThat(sink.articles()).extracting(RawArticle::getId).contains("arr-1", "arr-3", "l-1");
        assertThat(sink.articles()).allSatisfy(a -> assertThat(a.getSource()).isEqualTo("archive"));
        assertThat(sink.articles()).hasSize(6);

        assertThat(rejected).extracting(r -> Path.of(r.file()).getFileName().toString() + ":" + r.line() + ":" + r.reason())
                .containsExactlyInAnyOrder(
                        "array.json:2:WRONG_FIELD_TYPE",
                        "lines.jsonl:2:INVALID_JSON",
                        "empty.txt:0:MISSING_BODY");
        assertThat(summary.skippedFiles()).isEqualTo(1);
        assertThat(summary.read()).isEqualTo(9);
    }

    @Test
    void idsAreStableAcrossLoadsAndRootMoves() throws IOException {
        CollectingArticleSink first = new CollectingArticleSink();
        load(writeTree(dir.resolve("a")), first);
        CollectingArticleSink second = new CollectingArticleSink();
        load(writeTree(dir.resolve("elsewhere/b")), second);

        assertThat(second.articles()).extracting(RawArticle::getId)
                .containsExactlyElementsOf(first.articles().stream().map(RawArticle::getId).toList());
        assertThat(first.articles()).extracting(RawArticle::getId).doesNotHaveDuplicates();
    }

    @Test
    void oversizedDocumentIsRejectedWithASample() throws IOException {
        Path root = dir.resolve("big");
        Files.createDirectories(root);
        Files.writeString(root.resolve("long.txt"), "Title\n" + "word ".repeat(1_000));
        CollectingArticleSink sink = new CollectingArticleSink();

        LoadSummary summary = new ArticleLoader(sink, RejectSink.discarding(),
                ProduceOptions.defaults().withProgress(false).withMaxBodyBytes(1_000), ArticleIds.standard(), clock, clock)
                .load(List.of(root));

        assertThat(summary.rejected()).containsEntry(RejectReason.BODY_TOO_LARGE, 1L);
        assertThat(sink.articles()).isEmpty();
    }
}
