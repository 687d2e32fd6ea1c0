package io.newsflow.bench;

import java.util.List;

import io.newsflow.model.RawArticle;
import io.newsflow.text.clean.ArticleCleaner;

/** Fixed article sets for the JMH benchmarks, so every stage benchmark measures the same 5 KB articles. */
final class BenchArticles {

    /** A power of two, so a benchmark can cycle through the set with a mask. */
    static final int SET_SIZE = 64;

    private BenchArticles() {
    }

    /** Raw originals, all plain text or all HTML pages. */
    static RawArticle[] raw(boolean html) {
        List<RawArticle> articles = BenchCorpus.generate(SET_SIZE, 0, html ? 1 : 0, BenchCorpus.DEFAULT_SEED)
                .articles();
        return articles.toArray(RawArticle[]::new);
    }

    /** Titles and clean bodies of plain and HTML originals: what the dedup and tag stages receive. */
    static TaggerOnlyRun.CleanArticle[] cleaned() {
        ArticleCleaner cleaner = new ArticleCleaner();
        return BenchCorpus.generate(SET_SIZE, 0, BenchCorpus.DEFAULT_SEED).articles().stream()
                .map(article -> new TaggerOnlyRun.CleanArticle(article.getTitle(),
                        cleaner.clean(article.getBody(), article.getContentType(), null).text()))
                .toArray(TaggerOnlyRun.CleanArticle[]::new);
    }
}
