package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void seedArticleLosesReadAlsoLinksAndCommentFooter() {
        CleanedText cleaned = cleaner.clean(TestArticles.read(TestArticles.SEED), "text/plain", null);

        assertThat(cleaned.text())
                .startsWith("Kremlin says separatists in Ukraine called on Russia for ‘help’ against Kyiv\n\n")
                .endsWith("up to five million additional people displaced”, further warned Wednesday the American "
                        + "ambassador to the UN, Linda Thomas-Greenfield.")
                .doesNotContain("Read also")
                .doesNotContain("Akismet")
                .doesNotContain("Editor's Pick");
        assertThat(cleaned.removed())
                .extracting(RemovedBlock::reason)
                .containsExactly("read-also", "read-also", "read-also", "comment-widget", "comment-widget",
                        "related-links", "related-links");
        assertThat(cleaned.removed()).allSatisfy(block -> assertThat(block.text()).isNotBlank());
    }

    @Test
    void blockHashesCoverKeptAndRemovedBlocks() {
        CleanedText cleaned = cleaner.clean(TestArticles.read(TestArticles.SEED), "text/plain", null);

        int keptBlocks = cleaned.text().split("\n\n").length;
        assertThat(cleaned.blockHashes()).hasSize(keptBlocks + cleaned.removed().size());
        assertThat(cleaned.blockHashes()).doesNotHaveDuplicates();
    }

    @Test
    void normalisesWhitespaceEntitiesAndUnicodeButKeepsCurlyQuotes() {
        String body = "Cafe\u0301 owners \u201cwelcomed\u201d the\u00a0plan  &amp; the   vote.\r\n"
                + "\r\n\r\n"
                + "It\u2019s the second\tvote this year, said the mayor of the town on Monday night.\n";

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.text()).isEqualTo("Caf\u00e9 owners \u201cwelcomed\u201d the plan & the vote.\n\n"
                + "It\u2019s the second vote this year, said the mayor of the town on Monday night.");
    }

    @Test
    void splitsOneParagraphPerLineFeeds() {
        String body = "The council met on Monday evening to discuss the new harbour plan for the town.\n"
                + "Advertisement\n"
                + "Most members said they would support the plan if the budget stayed the same.\n";

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.text()).isEqualTo(
                "The council met on Monday evening to discuss the new harbour plan for the town.\n\n"
                        + "Most members said they would support the plan if the budget stayed the same.");
        assertThat(cleaned.removed()).containsExactly(new RemovedBlock("Advertisement", "advertisement"));
    }

    @Test
    void joinsHardWrappedLinesBackIntoParagraphs() {
        String body = "Officials in the valley said on Tuesday that the new reservoir\n"
                + "would be filled by the end of the year, after two years of\n"
                + "delays caused by a dispute with the builder.\n\n"
                + "The reservoir will supply about 40,000 homes in the valley and\n"
                + "the town of Fernley once it is working.\n";

        CleanedText cleaned = cleaner.clean(body, null, null);

        assertThat(cleaned.text()).isEqualTo("Officials in the valley said on Tuesday that the new reservoir would "
                + "be filled by the end of the year, after two years of delays caused by a dispute with the builder."
                + "\n\nThe reservoir will supply about 40,000 homes in the valley and the town of Fernley once it is "
                + "working.");
    }

    @Test
    void extractsMainContentFromHtml() {
        String html = """
                <!DOCTYPE html><html><head><title>Ignored title</title>
                <script>var tracking = "Read this script text";</script><style>p { color: red }</style></head>
                <body>
                <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
                <div class="cookie-notice">We use cookies on this site. <button>OK</button></div>
                <article>
                  <h1>Storm closes coastal road</h1>
                  <p>The coastal road between Arden and Kell was closed on Sunday after waves threw rocks
                     onto the carriageway &amp; damaged a sea wall.</p>
                  <!-- an HTML comment that must not leak -->
                  <h2>Repairs</h2>
                  <p>Engineers said repairs would take at least a week and cost &euro;2 million, the council&rsquo;s
                     highways team said.</p>
                  <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
                </article>
                <aside><h3>Most read</h3><a href="/1">Another story</a></aside>
                <footer>&copy; 2026 Coast News</footer>
                </body></html>""";

        CleanedText cleaned = cleaner.clean(html, "text/html; charset=UTF-8", null);

        assertThat(cleaned.text()).isEqualTo("Storm closes coastal road\n\n"
                + "The coastal road between Arden and Kell was closed on Sunday after waves threw rocks onto the "
                + "carriageway & damaged a sea wall.\n\n"
                + "Repairs\n\n"
                + "Engineers said repairs would take at least a week and cost \u20ac2 million, the council\u2019s "
                + "highways team said.");
    }

    @Test
    void keepsTheHeadlineThatThePageTemplatePutsAboveTheArticle() {
        String html = "<html><body><header class='page-head'><h1>Quay opening delayed to autumn</h1></header>"
                + "<article><p>The harbour board said on Friday that the new quay would open in the autumn, a year "
                + "later than planned, because of a shortage of steel.</p></article></body></html>";

        CleanedText cleaned = cleaner.clean(html, "text/html", null);

        assertThat(cleaned.text()).startsWith("Quay opening delayed to autumn\n\nThe harbour board said");
    }

    @Test
    void doesNotMistakeTheSiteLogoForTheHeadline() {
        String html = "<html><body><header><h1><a href='/'>Harbour Online</a></h1></header>"
                + "<article><h2>Quay opening delayed</h2><p>The harbour board said on Friday that the new quay would "
                + "open in the autumn, a year later than planned, because of a shortage of steel.</p></article>"
                + "</body></html>";

        CleanedText cleaned = cleaner.clean(html, "text/html", null);

        assertThat(cleaned.text()).startsWith("Quay opening delayed\n\n").doesNotContain("Harbour Online");
    }

    @Test
    void removesLinkDenseBlocksFromHtml() {
        String html = "<html><body><div>"
                + "<p>The new library opened on Saturday with a reading by local authors and a concert for "
                + "children.</p>"
                + "<p><a href='/a'>Council tax rise capped</a> <a href='/b'>Ferry fares frozen</a></p>"
                + "<p>More than two thousand people visited on the first day, the library service said afterwards.</p>"
                + "</div></body></html>";

        CleanedText cleaned = cleaner.clean(html, "text/html", null);

        assertThat(cleaned.removed()).containsExactly(
                new RemovedBlock("Council tax rise capped Ferry fares frozen", "link-dense"));
    }

    @Test
    void sniffsHtmlWhenContentTypeIsMissing() {
        CleanedText cleaned = cleaner.clean("<!doctype html><html><body><p>Rain is expected across the region "
                + "on Friday, with heavy showers in the hills by the evening.</p></body></html>", null, null);

        assertThat(cleaned.text()).isEqualTo(
                "Rain is expected across the region on Friday, with heavy showers in the hills by the evening.");
    }

    @Test
    void emptyBodiesGiveEmptyResults() {
        assertThat(cleaner.clean(null, "text/plain", null)).isEqualTo(new CleanedText("", List.of(), List.of()));
        assertThat(cleaner.clean(" \n\n ", "text/html", null).text()).isEmpty();
    }

    @Test
    void keepsNonEnglishProseThatEnglishStopWordsCannotScore() {
        String body = "Die Stadtverwaltung hat am Montag beschlossen, die Brücke über den Fluss bis zum Herbst "
                + "vollständig zu sanieren und den Verkehr umzuleiten.\n\n"
                + "Kurz\n\n"
                + "Die Arbeiten sollen nach Angaben der Behörde rund sechs Monate dauern und werden aus Mitteln "
                + "des Landes bezahlt.\n\n"
                + "Related posts\n\nTeilen\n";

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.text()).contains("Die Stadtverwaltung", "Kurz", "Die Arbeiten");
        assertThat(cleaned.removed()).extracting(RemovedBlock::text).containsExactly("Related posts", "Teilen");
    }
}
