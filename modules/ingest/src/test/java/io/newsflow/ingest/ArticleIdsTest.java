package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    private final ArticleIds ids = ArticleIds.standard();

    @Test
    void givenIdWins() {
        assertThat(ids.resolve(" reuters-42 ", "https://news.example/a", null, null, "b")).isEqualTo("reuters-42");
    }

    @Test
    void urlIdIsStableAndSharedByEquivalentUrls() {
        String id = ids.resolve(null, "https://News.Example:443/world/story?id=7#comments", null, "T", "B");
        assertThat(id).matches("url-[0-9a-f]{32}");
        assertThat(ids.resolve(null, "https://news.example/world/story?id=7", null, "other", "other")).isEqualTo(id);
        // Same canonical form as the deduplicator: tracking parameters do not make a new article.
        assertThat(ids.resolve(null, "https://news.example/world/story?utm_source=rss&id=7", null, "x", "y")).isEqualTo(id);
        assertThat(ids.resolve(null, "https://news.example/world/story?id=8", null, "T", "B")).isNotEqualTo(id);
    }

    @Test
    void contentIdWhenNoUsableUrl() {
        String id = ids.resolve(null, "not a url", "Daily", "Title", "Body");
        assertThat(id).matches("txt-[0-9a-f]{32}").isEqualTo(ids.fromContent("Daily", "Title", "Body"));
        // Moving text between fields must change the id.
        assertThat(ids.fromContent("Daily", "TitleBody", "")).isNotEqualTo(id);
    }

    @Test
    void pathIdIgnoresSeparatorStyle() {
        assertThat(ids.fromPath("2026\\03\\a.txt")).isEqualTo(ids.fromPath("2026/03/a.txt")).startsWith("file-");
    }

    @Test
    void usesTheInjectedCanonicalizer() {
        ArticleIds lowerOnly = new ArticleIds(url -> java.util.Optional.of(url.toLowerCase(java.util.Locale.ROOT)));
        assertThat(lowerOnly.fromUrl("HTTP://A/B")).isEqualTo(lowerOnly.fromUrl("http://a/b"));
        assertThat(new ArticleIds(url -> java.util.Optional.empty()).fromUrl("http://a/b")).isEmpty();
    }
}
