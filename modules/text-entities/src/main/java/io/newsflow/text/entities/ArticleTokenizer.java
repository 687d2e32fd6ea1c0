package io.newsflow.text.entities;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AbstractTokenizer;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts article text into sentences of tokens with exact character offsets.
 *
 * <p>Every line is a hard sentence break (clean bodies keep one paragraph per line), and sentences are
 * split further at sentence-final punctuation. Token words are normalised the way the CoNLL training data
 * was written (ASCII quotes, unsplit hyphenated words, literal brackets) so the CRF sees familiar forms,
 * while the offsets still point into the original text.
 */
final class ArticleTokenizer {

    private static final String OPTIONS = String.join(",",
            "invertible=false",
            "ptb3Escaping=false",
            "quotes=ascii",
            "splitHyphenated=false",
            "normalizeParentheses=false",
            "normalizeOtherBrackets=false",
            "untokenizable=noneKeep");

    /**
     * The same, over a whole text: each newline becomes a token, and each line is tokenized as if it were
     * alone (no look-ahead into the next line). One lexer per text instead of one per line: a lexer parses
     * its options and allocates a 16,384-character buffer when it is made.
     */
    private static final String WHOLE_TEXT_OPTIONS = OPTIONS + ",tokenizeNLs=true,tokenizePerLine=true";

    private final TokenizerFactory<CoreLabel> lineFactory =
            PTBTokenizer.factory(new CoreLabelTokenFactory(), OPTIONS);
    private final TokenizerFactory<CoreLabel> textFactory =
            PTBTokenizer.factory(new CoreLabelTokenFactory(), WHOLE_TEXT_OPTIONS);

    /** Thread-safe: a fresh tokenizer and sentence splitter are made per call. */
    List<List<ArticleToken>> sentences(String text) {
        return hasOnlyLineFeeds(text) ? sentencesOfWholeText(text) : sentencesLineByLine(text);
    }

    /** One tokenizer over the text; its newline tokens end the lines. */
    private List<List<ArticleToken>> sentencesOfWholeText(String text) {
        List<List<ArticleToken>> sentences = new ArrayList<>();
        WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();
        List<CoreLabel> line = new ArrayList<>();
        for (CoreLabel word : textFactory.getTokenizer(new StringReader(text)).tokenize()) {
            if (isLineBreak(word, text)) {
                addSentences(line, 0, splitter, sentences);
                line.clear();
            } else {
                line.add(word);
            }
        }
        addSentences(line, 0, splitter, sentences);
        return sentences;
    }

    /** A tokenizer per line: for texts with line terminators other than '\n', which the lexer would also break at. */
    List<List<ArticleToken>> sentencesLineByLine(String text) {
        List<List<ArticleToken>> sentences = new ArrayList<>();
        WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            if (lineEnd > lineStart) {
                addSentences(lineFactory.getTokenizer(new StringReader(text.substring(lineStart, lineEnd))).tokenize(),
                        lineStart, splitter, sentences);
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return sentences;
    }

    /** Splits one line's tokens into sentences; {@code offset} is where the line's offsets start in the text. */
    private static void addSentences(List<CoreLabel> words, int offset, WordToSentenceProcessor<CoreLabel> splitter,
            List<List<ArticleToken>> sentences) {
        if (words.isEmpty()) {
            return;
        }
        for (List<CoreLabel> sentence : splitter.process(words)) {
            List<ArticleToken> tokens = new ArrayList<>(sentence.size());
            for (CoreLabel word : sentence) {
                tokens.add(new ArticleToken(word.word(), offset + word.beginPosition(), offset + word.endPosition()));
            }
            if (!tokens.isEmpty()) {
                sentences.add(tokens);
            }
        }
    }

    private static boolean isLineBreak(CoreLabel word, String text) {
        if (!AbstractTokenizer.NEWLINE_TOKEN.equals(word.word())) {
            return false;
        }
        for (int i = word.beginPosition(); i < word.endPosition(); i++) {
            if (text.charAt(i) != '\n') {
                return false; // "*NL*" written in the text
            }
        }
        return word.endPosition() > word.beginPosition();
    }

    /** Whether '\n' is the text's only line terminator, as the line-by-line reading assumes. */
    private static boolean hasOnlyLineFeeds(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
