package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
}
