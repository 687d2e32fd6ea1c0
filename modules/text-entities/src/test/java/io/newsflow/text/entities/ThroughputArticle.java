package io.newsflow.text.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text the throughput harnesses tag: the seed article's body without its site footer, cut at the
 * paragraph that reaches about 800 tokens (the size the figure is for). One definition, so that
 * our tagger and CoreNLP's own pipeline are timed on the same text.
 */
record ThroughputArticle(String title, String body, int tokens) {

    private static final String RESOURCE = "articles/000_170e36daf17d4de0.txt";
    private static final int TARGET_TOKENS = 800;

    static ThroughputArticle seed() {
        String article;
        try (InputStream in = ThroughputArticle.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = article.substring(0, article.indexOf('\n'));
        String body = article.substring(article.indexOf('\n') + 1);
        body = body.substring(0, body.indexOf("Leave a Comment")).strip();
        // the seed body is a little over 800 tokens: cut it at the paragraph that reaches 800
        ArticleTokenizer tokenizer = new ArticleTokenizer();
        int cut = body.length();
        int tokens = 0;
        for (List<ArticleToken> sentence : tokenizer.sentences(body)) {
            tokens += sentence.size();
            if (tokens >= TARGET_TOKENS) {
                cut = body.indexOf('\n', sentence.get(sentence.size() - 1).end());
                break;
            }
        }
        String text = cut < 0 ? body : body.substring(0, cut);
        int articleTokens = tokenizer.sentences(text).stream().mapToInt(List::size).sum();
        return new ThroughputArticle(title, text, articleTokens);
    }
}
