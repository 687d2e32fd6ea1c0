package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the project's evaluation set (src/test/resources/eval) and holds the cleaner to its goals. */
class BoilerplateEvaluationTest {

    private static final Logger log = LoggerFactory.getLogger(BoilerplateEvaluationTest.class);
    private static final Path EVAL = TestArticles.path("/eval");

    @Test
    void evaluationSetIsLargeAndMixed() {
        List<BoilerplateEvaluation.EvaluationCase> cases = BoilerplateEvaluation.load(EVAL);

        assertThat(cases).hasSizeGreaterThanOrEqualTo(41);
        assertThat(cases).filteredOn(c -> c.contentType().equals("text/html")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(cases).filteredOn(c -> c.contentType().equals("text/plain")).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases).extracting(BoilerplateEvaluation.EvaluationCase::source).contains("seed");
    }

    @Test
    void meetsRemovalPrecisionRecallAndContentGoals() {
        EvaluationReport report = new BoilerplateEvaluation(new ArticleCleaner()).evaluate(EVAL);
        log.info("Boilerplate evaluation: {}", report.summary());
        report.mistakes().forEach(mistake -> log.info("  {}", mistake));

        assertThat(report.removedBoilerplate()).as("the set has boilerplate to remove").isGreaterThan(100);
        assertThat(report.removalPrecision()).as(report.summary()).isGreaterThanOrEqualTo(0.99);
        assertThat(report.removalRecall()).as(report.summary()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.contentKept()).as(report.summary()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void scoresCountEveryWrongDecision() {
        // A cleaner with no rules for this language keeps all chrome: recall must drop, and the report must say why.
        EvaluationReport report = new BoilerplateEvaluation(new ArticleCleaner(LanguageProfile.of("fr")))
                .evaluate(EVAL);

        assertThat(report.removalRecall()).isLessThan(0.95);
        assertThat(report.mistakes()).anyMatch(m -> m.contains("kept boilerplate"));
    }
}
