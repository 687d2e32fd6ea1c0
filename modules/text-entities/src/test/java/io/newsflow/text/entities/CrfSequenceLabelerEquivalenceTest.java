package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direct Viterbi labeler gives exactly the labels of CoreNLP's stock {@code classifySentence} path.
 *
 * <p>Two independent copies of the model are loaded and always fed the same sequences in the same order,
 * so the known-lower-case-word set each grows stays identical and cannot explain away a difference.
 */
class CrfSequenceLabelerEquivalenceTest {

    private static final Path ENG_TESTA = Stream.of(
                    Path.of("../../../shared/eval/conll2003/eng.testa"), Path.of("/work/shared/eval/conll2003/eng.testa"))
            .filter(Files::isReadable).findFirst().orElse(Path.of("../../../shared/eval/conll2003/eng.testa"));

    /** Written for this test: capitals-only lines, lower-case names, hyphens, quotes, numbers, one-word lines. */
    private static final List<String> TEXTS = List.of(
            "SHIPPING - HARLAND FREIGHT WINS PORT CONTRACT IN GDANSK\n"
                    + "GDANSK 2026-03-14\n"
                    + "Harland Freight Ltd said on Friday it had won a five-year contract to run the container "
                    + "terminal at Gdansk, beating Rotterdam-based Veldhoven Logistics and a consortium led by "
                    + "Baltic Ports Authority.\n"
                    + "\"We are delighted,\" chief executive Ines Marchetti-Laurent told Reuters by telephone.",
            "Marchetti-Laurent, 52, joined Harland from the European Investment Bank in 2019.\n"
                    + "The mayor, Tomasz Wilk, said the deal would bring 400 jobs to the city.\n"
                    + "Shares in Harland rose 3.2 percent to 412 pence in London.",
            "the minister said nothing.\nUSS Carl Vinson sailed from San Diego with the aircraft carrier "
                    + "group.\nKing Charles VI and Hector \"Macho\" Camacho were not there.",
            "Results.\nFC Porto 2 Benfica 1\nAjax Amsterdam beat PSV Eindhoven 3-0 on Sunday in the Dutch "
                    + "league.\nreuters",
            "A\n--\nNew York\nWashington's allies in NATO and the U.N. Security Council met in Brussels.");

    private static CrfSequenceLabeler stock;
    private static CrfSequenceLabeler direct;

    @BeforeAll
    static void loadBothPaths() {
        stock = CrfSequenceLabeler.loadStockFromClasspath();
        direct = CrfSequenceLabeler.loadFromClasspath();
    }

    @Test
    void theShippedModelIsDecodedDirectlyAndTheReferenceIsNot() {
        // otherwise the other tests would compare the stock path with itself
        assertThat(direct.decodesDirectly()).isTrue();
        assertThat(direct.extractsFeaturesDirectly()).isTrue();
        assertThat(stock.decodesDirectly()).isFalse();
        assertThat(stock.extractsFeaturesDirectly()).isFalse();
    }

    @Test
    void seedArticleGetsTheSameLabelsAsOneSequenceAndSentenceBySentence() {
        ThroughputArticle seed = ThroughputArticle.seed();
        List<List<String>> sentences = sentences(seed.title() + "\n" + seed.body());

        int entityTokens = assertSameLabels(concatenate(sentences), "seed article as one sequence");
        for (int s = 0; s < sentences.size(); s++) {
            assertSameLabels(sentences.get(s), "seed sentence " + s);
        }
        assertThat(entityTokens).isGreaterThan(50); // a story full of names: the labels are not all O
    }

    @Test
    void handWrittenTextsGetTheSameLabels() {
        int entityTokens = 0;
        for (int t = 0; t < TEXTS.size(); t++) {
            List<List<String>> sentences = sentences(TEXTS.get(t));
            entityTokens += assertSameLabels(concatenate(sentences), "text " + t + " as one sequence");
            for (int s = 0; s < sentences.size(); s++) {
                entityTokens += assertSameLabels(sentences.get(s), "text " + t + " sentence " + s);
            }
        }
        assertThat(entityTokens).isGreaterThan(20);
    }

    @Test
    void everyEngTestaDocumentGetsTheSameLabels() throws IOException {
        assumeTrue(Files.isReadable(ENG_TESTA), "eng.testa not available here");
        List<ConllDocument> documents = ConllReader.read(ENG_TESTA);
        int tokens = 0;
        for (int d = 0; d < documents.size(); d++) {
            List<List<String>> sentences = new ArrayList<>();
            for (ConllSentence sentence : documents.get(d).sentences()) {
                sentences.add(sentence.words());
            }
            List<String> words = concatenate(sentences);
            assertSameLabels(words, "eng.testa document " + d + " as one sequence");
            tokens += words.size();
            // sentence by sentence (the baseline's path) on every fourth document, to keep the test short
            if (d % 4 == 0) {
                for (int s = 0; s < sentences.size(); s++) {
                    assertSameLabels(sentences.get(s), "eng.testa document " + d + " sentence " + s);
                }
            }
        }
        assertThat(tokens).isEqualTo(51362); // every token of the file was compared
    }

    @Test
    void twoThreadsFillingAFreshModelsWordCachesGetTheStockLabels() throws Exception {
        assumeTrue(Files.isReadable(ENG_TESTA), "eng.testa not available here");
        List<ConllDocument> documents = ConllReader.read(ENG_TESTA).subList(0, 60);
        List<List<String>> sequences = new ArrayList<>();
        for (ConllDocument document : documents) {
            sequences.add(document.words());
        }
        CrfSequenceLabeler fresh = CrfSequenceLabeler.loadFromClasspath(); // empty word caches
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<EntityType[]>> labels = new ArrayList<>();
            for (List<String> words : sequences) {
                labels.add(pool.submit(() -> fresh.label(words)));
            }
            for (int d = 0; d < sequences.size(); d++) {
                assertThat(labels.get(d).get(60, TimeUnit.SECONDS)).as("eng.testa document %d", d)
                        .containsExactly(stock.label(sequences.get(d)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compares both paths on one sequence; returns how many tokens are inside entities. */
    private static int assertSameLabels(List<String> words, String what) {
        EntityType[] expected = stock.label(words);
        EntityType[] actual = direct.label(words);
        assertThat(actual).as("%s (%d words)", what, words.size()).containsExactly(expected);
        return (int) Arrays.stream(actual).filter(Objects::nonNull).count();
    }

    private static List<List<String>> sentences(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (List<ArticleToken> tokens : new ArticleTokenizer().sentences(text)) {
            List<String> words = new ArrayList<>(tokens.size());
            for (ArticleToken token : tokens) {
                words.add(token.word());
            }
            sentences.add(words);
        }
        return sentences;
    }

    private static List<String> concatenate(List<List<String>> sentences) {
        List<String> all = new ArrayList<>();
        sentences.forEach(all::addAll);
        return all;
    }
}
