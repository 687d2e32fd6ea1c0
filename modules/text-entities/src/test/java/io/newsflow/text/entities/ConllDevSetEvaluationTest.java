package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the tagger and the stock CRF on CoNLL-2003 eng.testa when the machine has it (the data cannot be
 * redistributed, so it is read in place and never copied into the project).
 */
class ConllDevSetEvaluationTest {

    /** shared/ lies beside the checkout (also in CI's clone); the module's tests run in modules/text-entities. */
    private static final Path ENG_TESTA = java.util.stream.Stream.of(
                    Path.of("../../../shared/eval/conll2003/eng.testa"), Path.of("/work/shared/eval/conll2003/eng.testa"))
            .filter(Files::isReadable).findFirst().orElse(Path.of("../../../shared/eval/conll2003/eng.testa"));

    private static final Logger log = LoggerFactory.getLogger(ConllDevSetEvaluationTest.class);

    // The stock CRF on the same file (README of the eval data; NerEvaluation.baseline reproduces it):
    // overall F1 0.9309, ORG 0.8881, MISC 0.8915. Running the baseline here too would double the time.
    private static final double STOCK_F1 = 0.9309;
    private static final double STOCK_ORG_F1 = 0.8881;
    private static final double STOCK_MISC_F1 = 0.8915;
    // What the document-level steps reached (0.9484 when measured): a change that costs F1 fails here.
    private static final double TARGET_F1 = 0.946;

    @Test
    void taggerBeatsTheStockCrfOverallWithoutLosingOrgOrMisc() throws IOException {
        assumeTrue(Files.isReadable(ENG_TESTA), "eng.testa not available here");
        List<ConllDocument> documents = ConllReader.read(ENG_TESTA);

        NerScore ours = new NerEvaluation(EntityTagger.create()).score(documents);
        log.info("{}", ours.report("newsflow on eng.testa"));

        assertThat(documents).hasSize(216);
        assertThat(ours.gold()).isEqualTo(5942); // entities in the file, as conlleval counts them
        assertThat(ours.f1()).isGreaterThanOrEqualTo(STOCK_F1 + 0.01).isGreaterThanOrEqualTo(TARGET_F1);
        assertThat(ours.f1(EntityType.ORG)).isGreaterThan(STOCK_ORG_F1);
        assertThat(ours.f1(EntityType.MISC)).isGreaterThan(STOCK_MISC_F1);
    }
}
