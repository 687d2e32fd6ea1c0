package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direct feature extractor finds exactly CoreNLP's feature sets: compared position by position and
 * clique by clique with {@code documentToDataAndLabels} on the same prepared tokens.
 */
class CrfFeatureExtractorTest {

    private static final Path ENG_TESTA = Stream.of(
                    Path.of("../../../shared/eval/conll2003/eng.testa"), Path.of("/work/shared/eval/conll2003/eng.testa"))
            .filter(Files::isReadable).findFirst().orElse(Path.of("../../../shared/eval/conll2003/eng.testa"));

    private static ViterbiCrfClassifier crf;

    @BeforeAll
    static void loadModel() throws IOException, ClassNotFoundException {
        try (InputStream raw = CrfFeatureExtractorTest.class.getClassLoader()
                .getResourceAsStream(CrfSequenceLabeler.MODEL_RESOURCE)) {
            crf = ViterbiCrfClassifier.load(new GZIPInputStream(new BufferedInputStream(raw)));
        }
    }

    @Test
    void theShippedModelPassesTheLoadTimeCheckAndExtractsDirectly() {
        assertThat(crf.extractsFeaturesDirectly()).isTrue();
    }

    @Test
    void seedArticleAsOneSequenceAndSentenceBySentence() {
        ThroughputArticle seed = ThroughputArticle.seed();
        List<List<String>> sentences = new ArrayList<>();
        for (List<ArticleToken> tokens : new ArticleTokenizer().sentences(seed.title() + "\n" + seed.body())) {
            sentences.add(tokens.stream().map(ArticleToken::word).toList());
        }
        List<String> all = new ArrayList<>();
        sentences.forEach(all::addAll);
        assertThat(crf.extractorAgreesOn(all)).as("seed article, %d words", all.size()).isTrue();
        for (int s = 0; s < sentences.size(); s++) {
            assertThat(crf.extractorAgreesOn(sentences.get(s))).as("seed sentence %d", s).isTrue();
        }
    }

    @Test
    void edgeCasesOfPaddingShapesAndOccurrences() {
        List<List<String>> cases = List.of(
                List.of("Kraus"), List.of("kraus"), List.of(""), List.of("Mr."), List.of("Kraus", "said"),
                List.of("a", "Kraus", "said", "x", "y", "Kraus", "said"),
                List.of("Kraus", "said", "it", "to", "the", "Kraus", "family", "of", "Kraus"),
                List.of("ÉCOLE", "Été", "été", "ǅemal", "said", "ǅemal", "x", "y", "ǅemal", "said", "“", "Zoë", "”"),
                List.of("colour", "Colour", "centre", "-", "--", "1,000", "3.2", "2026-03-14", "U.S.", "&", "Co."));
        for (List<String> words : cases) {
            assertThat(crf.extractorAgreesOn(words)).as("%s", words).isTrue();
        }
    }

    @Test
    void everyEngTestaDocumentAsOneSequence() throws IOException {
        assumeTrue(Files.isReadable(ENG_TESTA), "eng.testa not available here");
        List<ConllDocument> documents = ConllReader.read(ENG_TESTA);
        int tokens = 0;
        for (int d = 0; d < documents.size(); d++) {
            List<String> words = documents.get(d).words();
            assertThat(crf.extractorAgreesOn(words)).as("eng.testa document %d (%d words)", d, words.size()).isTrue();
            tokens += words.size();
        }
        assertThat(tokens).isEqualTo(51362);
    }
}
