package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ArticleTokenizerTest {

    private final ArticleTokenizer tokenizer = new ArticleTokenizer();

    @Test
    void offsetsPointIntoTheOriginalTextAcrossLines() {
        String text = "The port of Rotterdam reopened.\n\nDockers in “Antwerp” cheered. Ships left.";

        List<List<ArticleToken>> sentences = tokenizer.sentences(text);

        assertThat(sentences).hasSize(3);
        for (List<ArticleToken> sentence : sentences) {
            for (ArticleToken token : sentence) {
                String surface = text.substring(token.start(), token.end());
                if (!token.word().equals("\"")) {
                    assertThat(surface).isEqualTo(token.word());
                }
            }
        }
        assertThat(sentences.get(1)).extracting(ArticleToken::word)
                .containsExactly("Dockers", "in", "\"", "Antwerp", "\"", "cheered", ".");
    }

    @Test
    void keepsHyphenatedNamesWhole() {
        List<List<ArticleToken>> sentences = tokenizer.sentences("Linda Thomas-Greenfield spoke.");

        assertThat(sentences.get(0)).extracting(ArticleToken::word)
                .containsExactly("Linda", "Thomas-Greenfield", "spoke", ".");
    }

    @Test
    void emptyTextHasNoSentences() {
        assertThat(tokenizer.sentences("")).isEmpty();
        assertThat(tokenizer.sentences("\n\n")).isEmpty();
    }

    @Test
    void oneTokenizerOverTheTextCutsAsOnePerLine() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "Shares of Acme Corp.\nThe U.S.\nrose 2 1/2 points to $ 3.50 ... on Friday.\n",
                "He said: \"No.\"\n\"Yes,\" she said (quietly) -- and left...\nE-mail a@b.com or see http://x.org/a?b=c.",
                "Mr.\nDr. Kraus\nU.N.\n\n\n   \nNo. 10 Downing St.\nJan.\n5 p.m.\nCo.\n",
                "“Curly quotes” and ‘single’ ones.\nA line with trailing spaces   \n\tTabbed line.\nnon\u00a0breaking space",
                "*NL* written out\nEnds without a newline",
                "\nStarts with a newline\n", "", "\n", "one", "a\nb\nc", "Ends with an abbreviation etc.\nNext line.",
                "Lines\u00a0\n\u2003\nwith odd spaces\n¿Qué?\n¡Sí!\n東京 2026-03-14"));
        ThroughputArticle seed = ThroughputArticle.seed();
        texts.add(seed.title() + "\n" + seed.body());
        Path engTesta = Stream.of(Path.of("../../../shared/eval/conll2003/eng.testa"),
                Path.of("/work/shared/eval/conll2003/eng.testa")).filter(Files::isReadable).findFirst().orElse(null);
        if (engTesta != null) {
            for (ConllDocument document : ConllReader.read(engTesta)) {
                // one sentence per line, and the same sentences run together three to a line
                List<String> lines = document.sentences().stream().map(sentence -> String.join(" ", sentence.words()))
                        .toList();
                texts.add(String.join("\n", lines));
                StringBuilder paragraphs = new StringBuilder();
                for (int i = 0; i < lines.size(); i++) {
                    paragraphs.append(lines.get(i)).append(i % 3 == 2 ? "\n" : " ");
                }
                texts.add(paragraphs.toString());
            }
        }
        assumeTrue(texts.size() > 400, "eng.testa not available here");
        int tokens = 0;
        for (String text : texts) {
            List<List<ArticleToken>> expected = tokenizer.sentencesLineByLine(text);
            assertThat(tokenizer.sentences(text)).as("%s", abbreviate(text)).isEqualTo(expected);
            tokens += expected.stream().mapToInt(List::size).sum();
        }
        assertThat(tokens).isGreaterThan(100_000);
    }

    @Test
    void textsWithOtherLineTerminatorsAreReadLineByLine() {
        String text = "First line\r\nsecond\u2028third";
        assertThat(tokenizer.sentences(text)).isEqualTo(tokenizer.sentencesLineByLine(text));
        assertThat(tokenizer.sentences(text).get(0)).extracting(ArticleToken::word).contains("First", "line");
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
