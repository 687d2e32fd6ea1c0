package io.newsflow.text.entities;

import edu.stanford.nlp.ling.CoreLabel;
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

    private final TokenizerFactory<CoreLabel> factory =
            PTBTokenizer.factory(new CoreLabelTokenFactory(), OPTIONS);

    /** Thread-safe: a fresh tokenizer and sentence splitter are made per call. */
    List<List<ArticleToken>> sentences(String text) {
        List<List<ArticleToken>> sentences = new ArrayList<>();
        WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            if (lineEnd > lineStart) {
                List<CoreLabel> words = factory.getTokenizer(
                        new StringReader(text.substring(lineStart, lineEnd))).tokenize();
                for (List<CoreLabel> sentence : splitter.process(words)) {
                    List<ArticleToken> tokens = new ArrayList<>(sentence.size());
                    for (CoreLabel word : sentence) {
                        tokens.add(new ArticleToken(word.word(),
                                lineStart + word.beginPosition(), lineStart + word.endPosition()));
                    }
                    if (!tokens.isEmpty()) {
                        sentences.add(tokens);
                    }
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return sentences;
    }
}
