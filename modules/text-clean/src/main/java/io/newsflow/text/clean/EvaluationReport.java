package io.newsflow.text.clean;

import java.util.List;
import java.util.Locale;

/**
 * Block-level scores of boilerplate removal over an evaluation set.
 *
 * <p>A block of the cleaner's output is <em>content</em> when it appears among the expected blocks of its
 * article, boilerplate otherwise. Removal precision is the share of removed blocks that were boilerplate; removal
 * recall the share of boilerplate blocks that were removed; content kept the share of expected blocks found in the
 * clean text (which also counts story text lost before classification, e.g. by HTML extraction).
 *
 * @param articles           number of articles evaluated
 * @param removedBoilerplate removed blocks that were boilerplate (true positives)
 * @param removedContent     removed blocks that were content (false positives)
 * @param keptBoilerplate    kept blocks that were boilerplate (false negatives)
 * @param expectedContent    expected content blocks over all articles
 * @param keptContent        expected content blocks found in the clean text
 * @param mistakes           one line per wrong decision, for reading
 */
public record EvaluationReport(int articles, int removedBoilerplate, int removedContent, int keptBoilerplate,
                               int expectedContent, int keptContent, List<String> mistakes) {

    public EvaluationReport {
        mistakes = List.copyOf(mistakes);
    }

    public double removalPrecision() {
        int removed = removedBoilerplate + removedContent;
        return removed == 0 ? 1.0 : (double) removedBoilerplate / removed;
    }

    public double removalRecall() {
        int boilerplate = removedBoilerplate + keptBoilerplate;
        return boilerplate == 0 ? 1.0 : (double) removedBoilerplate / boilerplate;
    }

    public double contentKept() {
        return expectedContent == 0 ? 1.0 : (double) keptContent / expectedContent;
    }

    /** One-line summary with the three scores and the counts behind them. */
    public String summary() {
        return String.format(Locale.ROOT,
                "articles=%d removal precision=%.4f (%d/%d) recall=%.4f (%d/%d) content kept=%.4f (%d/%d)",
                articles, removalPrecision(), removedBoilerplate, removedBoilerplate + removedContent,
                removalRecall(), removedBoilerplate, removedBoilerplate + keptBoilerplate,
                contentKept(), keptContent, expectedContent);
    }
}
