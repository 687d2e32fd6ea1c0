package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Inputs a feed can throw at the cleaner that must neither fail nor change results. */
class CleanerRobustnessTest {

    private static final String PARAGRAPH = "The harbour board said on Friday that the new quay would open in the "
            + "autumn, a year later than planned, because of a shortage of steel.";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() {
        String html = "<html><body>" + "<div>".repeat(5_000) + "<p>" + PARAGRAPH + "</p>" + "</div>".repeat(5_000)
                + "</body></html>";

        assertThat(cleaner.clean(html, "text/html", null).text()).isEqualTo(PARAGRAPH);
    }

    @Test
    void veryLongBodiesAndLinesAreCleaned() {
        String body = (PARAGRAPH + "\n\nAdvertisement\n\n").repeat(2_000) + "x".repeat(200_000);

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.removed()).filteredOn(b -> b.reason().equals("advertisement")).hasSize(2_000);
        assertThat(cleaned.blockHashes()).hasSize(4_001);
    }

    @Test
    void brokenHtmlIsStillRead() {
        String html = "<article><h1>Quay delayed<p>" + PARAGRAPH
                + "<p>Work resumes in May, said Hart &amp co.<div><b>unclosed";

        CleanedText cleaned = cleaner.clean(html, "text/html", null);

        assertThat(cleaned.text()).contains("Quay delayed", PARAGRAPH, "Work resumes in May, said Hart & co.");
    }

    @Test
    void sharedCleanerGivesTheSameResultsOnEveryThread() throws Exception {
        String seed = TestArticles.read(TestArticles.SEED);
        CleanedText expected = cleaner.clean(seed, "text/plain", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CleanedText>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> cleaner.clean(seed, "text/plain", null)));
            }
            for (Future<CleanedText> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
