package io.newsflow.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.RawArticle;

/**
 * Bulk loads articles from JSON Lines files, directory trees ({@code .txt}, {@code .html},
 * {@code .json}, {@code .jsonl}) and stdin into an {@link ArticleSink}. Bad input never stops a load:
 * each refused line or file goes to the {@link RejectSink}, is logged and counted in the
 * {@link LoadSummary}. Only sink failures (the broker) abort.
 */
public final class ArticleLoader {

    private static final Logger log = LoggerFactory.getLogger(ArticleLoader.class);
    /** Rejections logged one by one before the loader falls silent (they are all in the rejects file). */
    private static final int LOGGED_REJECTIONS = 20;
    /** Bytes of a refused whole file kept in the rejects file. */
    private static final int REJECTED_FILE_SAMPLE = 64 * 1024;
    /** A .json file up to this size is tried as one JSON value (object or array) before JSON Lines. */
    private static final long WHOLE_JSON_LIMIT = 256L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String STDIN = "-";

    private final ArticleSink sink;
    private final RejectSink rejects;
    private final ProduceOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final JsonArticleParser parser;
    private final DocumentFileReader documents;
    private final int maxLineBytes;

    public ArticleLoader(ArticleSink sink, RejectSink rejects, ProduceOptions options) {
        this(sink, rejects, options, ArticleIds.standard(), Clock.systemUTC(), Sleeper.SYSTEM);
    }

    public ArticleLoader(ArticleSink sink, RejectSink rejects, ProduceOptions options, ArticleIds ids,
                         Clock clock, Sleeper sleeper) {
        this.sink = sink;
        this.rejects = rejects;
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
        this.parser = new JsonArticleParser(options.maxBodyBytes(), ids, clock);
        this.documents = new DocumentFileReader(options.maxBodyBytes(), ids, clock);
        // JSON escaping can at worst sextuple a body (\\uXXXX); beyond that a line cannot be valid.
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, options.maxBodyBytes() * 6 + 64 * 1024);
    }

    /**
     * Loads files and directories (walked recursively, in name order) and flushes the sink.
     *
     * @throws NoSuchFileException before anything is sent, when a named input does not exist (a usage
     *                             error, unlike a bad file found while walking, which is a rejection)
     */
    public LoadSummary load(List<Path> inputs) throws IOException {
        List<InputFile> files = new ArrayList<>();
        Run run = new Run();
        for (Path input : inputs) {
            expand(input, files, run);
        }
        long totalBytes = 0;
        for (InputFile file : files) {
            try {
                totalBytes += Files.size(file.path);
            } catch (IOException e) {
                // Reported as UNREADABLE when its turn comes; the total is only for the progress bar.
                log.debug("Cannot size {}: {}", file.path, e.toString());
            }
        }
        run.progress = options.progress() ? ProgressReporter.forThisProcess(clock, totalBytes) : null;
        log.info("Loading {} file(s), {} bytes{}", files.size(), totalBytes, options.dryRun() ? " (dry run)" : "");
        for (InputFile file : files) {
            loadFile(file, run);
        }
        return run.finish();
    }

    /** Loads JSON Lines from a stream such as stdin; {@code name} labels rejections and headers. */
    public LoadSummary load(String name, InputStream in) throws IOException {
        Run run = new Run();
        run.progress = options.progress() ? ProgressReporter.forThisProcess(clock, -1) : null;
        loadJsonLines(name, in, run);
        return run.finish();
    }

    private void expand(Path input, List<InputFile> files, Run run) throws IOException {
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, "input does not exist");
        }
        if (!Files.isDirectory(input)) {
            files.add(new InputFile(input, input.getFileName().toString()));
            return;
        }
        try (Stream<Path> walk = Files.walk(input)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = input.relativize(path).toString().replace('\\', '/');
                if (isInputFormat(path)) {
                    files.add(new InputFile(path, relative));
                } else {
                    run.skippedFiles++;
                    log.debug("Skipping {}: not .txt, .html, .json or .jsonl", path);
                }
            }
        }
        if (run.skippedFiles > 0) {
            log.info("Skipped {} file(s) under {} that are not an input format", run.skippedFiles, input);
        }
    }

    private static boolean isInputFormat(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return DocumentFileReader.isDocument(name) || name.endsWith(".json") || name.endsWith(".jsonl");
    }

    private void loadFile(InputFile file, Run run) throws IOException {
        String label = file.path.toString();
        String name = file.path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (DocumentFileReader.isDocument(name)) {
                loadDocument(file, run);
            } else if (name.endsWith(".json") && Files.size(file.path) <= WHOLE_JSON_LIMIT) {
                loadJsonFile(file, run);
            } else {
                try (InputStream in = Files.newInputStream(file.path)) {
                    loadJsonLines(label, in, run);
                }
            }
        } catch (IOException e) {
            // One unreadable file must not stop a bulk load over a whole tree.
            run.read++;
            run.reject(new Rejection(label, 0, RejectReason.UNREADABLE, e.toString(), null));
        }
    }

    private void loadDocument(InputFile file, Run run) throws IOException {
        String label = file.path.toString();
        long size = Files.size(file.path);
        run.read++;
        if (size > options.maxBodyBytes()) {
            byte[] sample;
            try (InputStream in = Files.newInputStream(file.path)) {
                sample = in.readNBytes(REJECTED_FILE_SAMPLE);
            }
            run.bytes += size;
            run.reject(new Rejection(label, 0, RejectReason.BODY_TOO_LARGE,
                    "file is " + size + " bytes, limit is " + options.maxBodyBytes(), sample));
            return;
        }
        byte[] content = Files.readAllBytes(file.path);
        run.bytes += content.length;
        ParseOutcome outcome = documents.read(file.relativePath, content);
        run.handle(outcome, label, 0, content);
    }

    /** A .json file holds one object, an array of objects, or (failing both) JSON Lines. */
    private void loadJsonFile(InputFile file, Run run) throws IOException {
        String label = file.path.toString();
        byte[] content = Files.readAllBytes(file.path);
        JsonNode whole = Utf8Text.decode(content).map(ArticleLoader::parseWhole).orElse(null);
        if (whole == null) {
            loadJsonLines(label, new ByteArrayInputStream(content), run);
            return;
        }
        run.bytes += content.length;
        if (whole.isArray()) {
            long element = 0;
            for (JsonNode node : whole) {
                element++;
                run.read++;
                run.handle(parser.parse(node), label, element, node.toString().getBytes(StandardCharsets.UTF_8));
            }
        } else {
            run.read++;
            run.handle(parser.parse(whole), label, 1, content);
        }
    }

    private static JsonNode parseWhole(String text) {
        try {
            return JSON.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(text);
        } catch (JsonProcessingException notOneValue) {
            return null;
        }
    }

    private void loadJsonLines(String label, InputStream in, Run run) throws IOException {
        JsonLinesReader reader = new JsonLinesReader(in, maxLineBytes);
        long before = run.bytes;
        JsonLinesReader.Line line;
        while ((line = reader.next()) != null) {
            run.bytes = before + reader.bytesRead();
            if (isBlank(line.bytes()) && !line.cut()) {
                continue;
            }
            run.read++;
            if (line.cut()) {
                run.reject(new Rejection(label, line.number(), RejectReason.BODY_TOO_LARGE,
                        "line is " + line.length() + " bytes, limit is " + maxLineBytes + " (raw cut)", line.bytes()));
                continue;
            }
            run.handle(parser.parse(line.bytes()), label, line.number(), line.bytes());
        }
        run.bytes = before + reader.bytesRead();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private record InputFile(Path path, String relativePath) {
    }

    /** Counters and progress of one load call. */
    private final class Run {
        final Instant started = clock.instant();
        final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        final Throttle throttle = new Throttle(options.ratePerSecond(), clock, sleeper);
        ProgressReporter progress;
        long read;
        long valid;
        long sent;
        long bytes;
        long skippedFiles;

        void handle(ParseOutcome outcome, String file, long line, byte[] raw) {
            if (outcome instanceof ParseOutcome.Refused refused) {
                reject(new Rejection(file, line, refused.reason(), refused.detail(), raw));
            } else if (outcome instanceof ParseOutcome.Accepted accepted) {
                valid++;
                send(accepted.article(), file);
            }
            if (progress != null) {
                progress.update(read, bytes);
            }
        }

        void send(RawArticle article, String file) {
            if (article.getSource() == null && options.defaultSource() != null) {
                article.setSource(options.defaultSource());
            }
            if (options.dryRun()) {
                return;
            }
            try {
                throttle.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestException("Load interrupted after " + sent + " article(s)", e);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (article.getSource() != null) {
                headers.put(IngestHeaders.SOURCE, article.getSource());
            }
            headers.put(IngestHeaders.INGEST_FILE, file);
            sink.accept(article, headers);
            sent++;
        }

        void reject(Rejection rejection) {
            long total = rejected.merge(rejection.reason(), 1L, Long::sum);
            long all = rejected.values().stream().mapToLong(Long::longValue).sum();
            if (all <= LOGGED_REJECTIONS) {
                log.warn("Rejected {}", rejection);
            } else if (all == LOGGED_REJECTIONS + 1) {
                log.warn("More rejections follow; they are counted and kept, no longer logged one by one");
            } else {
                log.debug("Rejected {} ({} of this reason)", rejection, total);
            }
            rejects.reject(rejection);
        }

        LoadSummary finish() {
            if (!options.dryRun()) {
                sink.flush();
            }
            if (progress != null) {
                progress.finish();
            }
            LoadSummary summary = new LoadSummary(read, valid, sent, rejected, bytes,
                    Duration.between(started, clock.instant()), skippedFiles);
            log.info("Load finished: {}", summary);
            return summary;
        }
    }
}
