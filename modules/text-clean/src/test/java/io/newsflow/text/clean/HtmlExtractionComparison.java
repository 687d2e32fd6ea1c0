package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the cleaner's HTML extraction with Boilerpipe's ArticleExtractor on the HTML part of the evaluation
 * set. Prints both scores; only the cleaner's own figure is asserted.
 *
 * <p>Two measures, because the two tools cut blocks differently: the share of expected blocks found verbatim in
 * the output, and word-level precision and recall (bags of lower-case words, as in CleanEval).
 */
class HtmlExtractionComparison {

    private static final Logger log = LoggerFactory.getLogger(HtmlExtractionComparison.class);

    private record Score(String tool, double blocksFound, double wordPrecision, double wordRecall) {
        String line() {
            return String.format(Locale.ROOT, "%-12s blocks found=%.4f word precision=%.4f word recall=%.4f",
                    tool, blocksFound, wordPrecision, wordRecall);
        }
    }

    @Test
    void compareWithBoilerpipeArticleExtractor() {
        List<BoilerplateEvaluation.EvaluationCase> html = BoilerplateEvaluation.load(TestArticles.path("/eval"))
                .stream().filter(c -> c.contentType().equals("text/html")).toList();
        ArticleCleaner cleaner = new ArticleCleaner();

        Score newsflow = score("newsflow", html, c -> cleaner.clean(c.body(), c.contentType(), null).text());
        Score boilerpipe = score("boilerpipe", html, c -> boilerpipe(c.body()));

        log.info("HTML extraction over {} pages:", html.size());
        log.info("  {}", newsflow.line());
        log.info("  {}", boilerpipe.line());
        assertThat(html).hasSizeGreaterThanOrEqualTo(15);
        assertThat(newsflow.wordPrecision()).isGreaterThanOrEqualTo(0.9);
        assertThat(newsflow.wordRecall()).isGreaterThanOrEqualTo(0.99);
        assertThat(boilerpipe.wordRecall()).as("boilerpipe produced text").isPositive();
    }

    private static String boilerpipe(String html) {
        try {
            return ArticleExtractor.INSTANCE.getText(html);
        } catch (BoilerpipeProcessingException e) {
            throw new IllegalStateException("Boilerpipe failed on an evaluation page", e);
        }
    }

    private static Score score(String tool, List<BoilerplateEvaluation.EvaluationCase> cases,
                               Function<BoilerplateEvaluation.EvaluationCase, String> extractor) {
        int expectedBlocks = 0;
        int foundBlocks = 0;
        long outputWords = 0;
        long expectedWords = 0;
        long commonWords = 0;
        for (BoilerplateEvaluation.EvaluationCase c : cases) {
            String output = extractor.apply(c);
            List<String> expected = BoilerplateEvaluation.blocks(c.expected());
            List<String> produced = new ArrayList<>();
            for (String line : output.split("\\R")) {
                String block = TextNormaliser.normaliseBlock(line);
                if (!block.isEmpty()) {
                    produced.add(block);
                }
            }
            expectedBlocks += expected.size();
            for (String block : expected) {
                if (produced.remove(block)) {
                    foundBlocks++;
                }
            }
            Map<String, Integer> want = words(String.join(" ", expected));
            Map<String, Integer> got = words(output);
            expectedWords += want.values().stream().mapToInt(Integer::intValue).sum();
            outputWords += got.values().stream().mapToInt(Integer::intValue).sum();
            for (Map.Entry<String, Integer> word : got.entrySet()) {
                commonWords += Math.min(word.getValue(), want.getOrDefault(word.getKey(), 0));
            }
        }
        return new Score(tool, (double) foundBlocks / expectedBlocks,
                outputWords == 0 ? 0.0 : (double) commonWords / outputWords, (double) commonWords / expectedWords);
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : TextNormaliser.normaliseBlock(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }
}
