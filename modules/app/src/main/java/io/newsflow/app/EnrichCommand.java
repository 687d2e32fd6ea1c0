package io.newsflow.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.avro.specific.SpecificRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsflow.ingest.ArticleLoader;
import io.newsflow.ingest.ArticleSink;
import io.newsflow.ingest.LoadSummary;
import io.newsflow.ingest.ProduceOptions;
import io.newsflow.ingest.RejectSink;
import io.newsflow.ingest.Rejection;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.RawArticle;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.stages.CoreNlpEntityTagging;
import io.newsflow.streams.stages.EntityTagging;
import io.newsflow.streams.stages.StageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow enrich}: cleaning, dedup and tagging on JSON Lines, without Kafka. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Clean, deduplicate and tag raw articles from JSON Lines without Kafka (backfills, debugging).",
                "Enriched records go to --output; duplicates and refused input to their own files."})
final class EnrichCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, paramLabel = "FILE|-", defaultValue = "-",
            description = "Raw articles as JSON Lines, or '-' for stdin (default).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-",
            description = "Enriched articles as JSON Lines, or '-' for stdout (default).")
    String output;

    @Option(names = "--duplicates", paramLabel = "FILE", defaultValue = "duplicates.jsonl",
            description = "Where duplicates go (default: ${DEFAULT-VALUE}).")
    Path duplicatesFile;

    @Option(names = "--dead-letters", paramLabel = "FILE", defaultValue = "dead-letter.jsonl",
            description = "Where refused input goes, with the reason (default: ${DEFAULT-VALUE}).")
    Path deadLettersFile;

    @Option(names = "--no-tagger", description = "Skip entity tagging.")
    boolean noTagger;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Larger bodies are refused (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Override
    public Integer call() throws IOException {
        EntityTagging tagging = noTagger ? EntityTagging.NONE : CoreNlpEntityTagging.loadAndWarmUp();
        OfflineEnricher enricher = new OfflineEnricher(maxBodyBytes, 1_000_000, tagging,
                new NewsflowConfig(Map.of()).pipelineVersion());
        try (Writer enriched = open(output);
             Writer duplicates = Files.newBufferedWriter(duplicatesFile, StandardCharsets.UTF_8);
             JsonLinesRejects rejects = new JsonLinesRejects(Files.newBufferedWriter(deadLettersFile,
                     StandardCharsets.UTF_8))) {
            ArticleSink sink = new ArticleSink() {
                @Override
                public void accept(RawArticle article, Map<String, String> headers) {
                    try {
                        SpecificRecord result = enricher.enrich(article);
                        Writer target = result instanceof EnrichedArticle ? enriched : duplicates;
                        target.write(RecordJson.toJsonLine(result));
                        target.write('\n');
                    } catch (StageException e) {
                        rejects.write(input, article.getId(), e.stage(), e.getMessage());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            ProduceOptions options = ProduceOptions.defaults().withMaxBodyBytes(maxBodyBytes)
                    .withProgress(!output.equals("-"));
            ArticleLoader loader = new ArticleLoader(sink, rejects, options);
            LoadSummary summary = input.equals("-") ? loader.load(ArticleLoader.STDIN, System.in)
                    : loader.load(List.of(Path.of(input)));
            System.err.printf("%s; %d refused in processing; duplicates in %s, refused input in %s%n", summary,
                    rejects.processingRejects, duplicatesFile, deadLettersFile);
            return summary.hasRejections() || rejects.processingRejects > 0 ? 2 : 0;
        }
    }

    private static Writer open(String target) throws IOException {
        if (target.equals("-")) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8);
    }

    /** Refused input, from the reader or from a stage, as JSON lines with the reason. */
    private static final class JsonLinesRejects implements RejectSink {
        private final Writer writer;
        long processingRejects;

        JsonLinesRejects(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void reject(Rejection rejection) {
            ObjectNode node = RecordJson.MAPPER.createObjectNode();
            node.put("file", rejection.file());
            node.put("line", rejection.line());
            node.put("stage", "ingest");
            node.put("reason", rejection.reason().name());
            node.put("detail", rejection.detail());
            rejection.rawText().ifPresentOrElse(text -> node.put("raw", text),
                    () -> node.put("rawBase64", rejection.rawBase64()));
            writeLine(node);
        }

        void write(String file, String articleId, String stage, String reason) {
            processingRejects++;
            ObjectNode node = RecordJson.MAPPER.createObjectNode();
            node.put("file", file);
            node.put("articleId", articleId);
            node.put("stage", stage);
            node.put("detail", reason);
            node.put("failedAt", Instant.now().toString());
            writeLine(node);
        }

        private void writeLine(ObjectNode node) {
            try {
                writer.write(node.toString());
                writer.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
