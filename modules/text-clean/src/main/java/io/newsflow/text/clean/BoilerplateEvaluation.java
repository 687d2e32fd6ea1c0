package io.newsflow.text.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Scores an {@link ArticleCleaner} against a directory of articles with their expected clean text.
 *
 * <p>Layout: {@code <source>__<name>.txt} (plain text) or {@code <source>__<name>.html} (HTML) next to
 * {@code <source>__<name>.expected.txt}, the expected story text with blocks separated by blank lines. Articles
 * are grouped by source and processed as an offline batch would be: a first pass teaches each source's
 * {@link SourceTemplate} from all its articles, a second pass cleans every article with its source's template.
 */
public final class BoilerplateEvaluation {

    private static final String EXPECTED_SUFFIX = ".expected.txt";

    private final ArticleCleaner cleaner;

    public BoilerplateEvaluation(ArticleCleaner cleaner) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
    }

    /** Evaluates every article of {@code dir} (see the class comment for the layout). */
    public EvaluationReport evaluate(Path dir) {
        List<EvaluationCase> cases = load(dir);
        Map<String, SourceTemplate> templates = new HashMap<>();
        for (EvaluationCase article : cases) {
            CleanedText firstPass = cleaner.clean(article.body(), article.contentType(), null);
            templates.computeIfAbsent(article.source(), s -> SourceTemplate.empty()).observe(firstPass.blockHashes());
        }
        Tally tally = new Tally();
        for (EvaluationCase article : cases) {
            CleanedText cleaned = cleaner.clean(article.body(), article.contentType(), templates.get(article.source()));
            tally.add(article, cleaned);
        }
        return tally.report(cases.size());
    }

    /** The articles of an evaluation directory, in file-name order. */
    public static List<EvaluationCase> load(Path dir) {
        List<EvaluationCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                boolean html = name.endsWith(".html");
                if (name.endsWith(EXPECTED_SUFFIX) || !(html || name.endsWith(".txt"))) {
                    continue;
                }
                String stem = name.substring(0, name.lastIndexOf('.'));
                Path expected = dir.resolve(stem + EXPECTED_SUFFIX);
                if (!Files.exists(expected)) {
                    throw new IllegalArgumentException("No expected text for " + file);
                }
                int sourceEnd = stem.indexOf("__");
                cases.add(new EvaluationCase(stem, sourceEnd > 0 ? stem.substring(0, sourceEnd) : stem,
                        html ? "text/html" : "text/plain",
                        Files.readString(file, StandardCharsets.UTF_8),
                        Files.readString(expected, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read evaluation set " + dir, e);
        }
        return cases;
    }

    /** Splits a clean or expected text into normalised blocks (blank-line separated). */
    public static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : text.split("\\R\\s*\\R")) {
            String normalised = TextNormaliser.normaliseBlock(block);
            if (!normalised.isEmpty()) {
                blocks.add(normalised);
            }
        }
        return blocks;
    }

    /** One evaluation article. */
    public record EvaluationCase(String name, String source, String contentType, String body, String expected) {
    }

    /** Running counts; a multiset of expected blocks is consumed as output blocks are matched. */
    private static final class Tally {
        private int removedBoilerplate;
        private int removedContent;
        private int keptBoilerplate;
        private int expectedContent;
        private int keptContent;
        private final List<String> mistakes = new ArrayList<>();

        void add(EvaluationCase article, CleanedText cleaned) {
            List<String> expected = blocks(article.expected());
            expectedContent += expected.size();
            Map<String, Integer> unmatched = new LinkedHashMap<>();
            expected.forEach(block -> unmatched.merge(block, 1, Integer::sum));
            for (String kept : blocks(cleaned.text())) {
                if (take(unmatched, kept)) {
                    keptContent++;
                } else {
                    keptBoilerplate++;
                    mistakes.add(article.name() + ": kept boilerplate: " + kept);
                }
            }
            for (RemovedBlock removed : cleaned.removed()) {
                if (take(unmatched, removed.text())) {
                    removedContent++;
                    mistakes.add(article.name() + ": removed content (" + removed.reason() + "): " + removed.text());
                } else {
                    removedBoilerplate++;
                }
            }
            // Expected blocks neither kept nor removed were lost before classification (HTML extraction).
            unmatched.forEach((block, count) ->
                    mistakes.add(article.name() + ": lost content x" + count + ": " + block));
        }

        private static boolean take(Map<String, Integer> unmatched, String block) {
            Integer count = unmatched.get(block);
            if (count == null) {
                return false;
            }
            if (count == 1) {
                unmatched.remove(block);
            } else {
                unmatched.put(block, count - 1);
            }
            return true;
        }

        EvaluationReport report(int articles) {
            return new EvaluationReport(articles, removedBoilerplate, removedContent, keptBoilerplate,
                    expectedContent, keptContent, mistakes);
        }
    }
}
