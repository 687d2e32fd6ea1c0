package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SourceTemplateTest {

    private static final String FOOTER = "The Lakeside Gazette is an independent, reader-supported newspaper and "
            + "relies on the support of its readers to keep reporting on the lake.";
    private static final String TIP_LINE = "Got a tip? Call the newsroom on 555 0142";
    private static final String[] PLACES = {"Cray Bridge", "Fernley", "Ashby", "Kell", "Arden", "Tane Mouth",
        "Lower Harwick", "Oldham Cross", "Penwick", "Skarra", "Brindle", "Corran"};

    private final ArticleCleaner cleaner = new ArticleCleaner();

    /** A different story per index, with the source's masthead dateline on even ones and its footer on all. */
    private static String gazetteArticle(int i) {
        String place = PLACES[i % PLACES.length];
        return String.join("\n\n",
                "Lakeside news: " + place + " story " + i,
                "The parish council in " + place + " met on Monday to discuss plans for a new footpath along the "
                        + "shore, which residents have requested for " + (i + 3) + " years.",
                "Work could begin in the spring if the county agrees to pay for the path and a new bridge over "
                        + "the stream near " + place + ", the council's chair said.",
                FOOTER,
                TIP_LINE);
    }

    @Test
    void learnsARecurringFooterFromTenArticlesAndRemovesItFromTheNext() {
        SourceTemplate template = SourceTemplate.empty();
        for (int i = 0; i < 10; i++) {
            CleanedText cleaned = cleaner.clean(gazetteArticle(i), "text/plain", template);
            template.observe(cleaned.blockHashes());
        }

        CleanedText next = cleaner.clean(gazetteArticle(10), "text/plain", template);

        assertThat(next.removed()).containsExactly(new RemovedBlock(FOOTER, "learned-template"),
                new RemovedBlock(TIP_LINE, "learned-template"));
        assertThat(next.text()).contains("Brindle", "footpath").doesNotContain("reader-supported");
    }

    @Test
    void footerIsKeptWithoutATemplateBecausePrecisionComesFirst() {
        CleanedText cleaned = cleaner.clean(gazetteArticle(10), "text/plain", null);

        assertThat(cleaned.text()).contains(FOOTER);
    }

    @Test
    void learnedTemplateSurvivesARoundTripThroughBytes() {
        SourceTemplate template = SourceTemplate.empty();
        for (int i = 0; i < 10; i++) {
            template.observe(cleaner.clean(gazetteArticle(i), "text/plain", null).blockHashes());
        }

        SourceTemplate restored = SourceTemplate.fromBytes(template.toBytes());

        assertThat(restored.size()).isEqualTo(template.size());
        assertThat(restored.articlesObserved()).isEqualTo(10);
        assertThat(restored.policy()).isEqualTo(template.policy());
        assertThat(restored.toBytes()).isEqualTo(template.toBytes());
        CleanedText next = cleaner.clean(gazetteArticle(10), "text/plain", restored);
        assertThat(next.removed()).extracting(RemovedBlock::reason).containsOnly("learned-template").hasSize(2);
    }

    @Test
    void recurringStorySentenceAndDatelineInsideTheStoryStay() {
        String background = "The authority runs five lines that carry about 600,000 passengers on a working day.";
        SourceTemplate template = SourceTemplate.empty();
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String place = PLACES[i];
            articles.add(String.join("\n\n",
                    "VELGRAD —",
                    "Metro managers said on Monday that the station at " + place + " would close for " + (i + 2)
                            + " weeks while its platforms are rebuilt.",
                    background,
                    "Replacement buses will run between " + place + " and the nearest open station every ten "
                            + "minutes, the authority said."));
        }
        articles.forEach(article -> template.observe(cleaner.clean(article, "text/plain", null).blockHashes()));

        CleanedText cleaned = cleaner.clean(articles.get(3), "text/plain", template);

        assertThat(cleaned.removed()).isEmpty();
        assertThat(cleaned.text()).startsWith("VELGRAD —\n\n").contains(background);
    }

    @Test
    void recurrenceNeedsMinArticlesAndHalfOfTheWindow() {
        SourceTemplate template = SourceTemplate.empty();
        long footer = 42L;
        for (int i = 0; i < 4; i++) {
            template.observe(List.of(footer, 1000L + i));
        }
        assertThat(template.isRecurring(footer)).as("four articles are not enough").isFalse();

        template.observe(List.of(footer, 2000L));
        assertThat(template.isRecurring(footer)).as("five of five").isTrue();
        assertThat(template.isRecurring(2000L)).isFalse();

        for (int i = 0; i < 10; i++) {
            template.observe(List.of(3000L + i));
        }
        assertThat(template.isRecurring(footer)).as("five of the last fifteen").isFalse();
    }

    @Test
    void countsAHashOncePerArticle() {
        SourceTemplate template = SourceTemplate.empty();
        template.observe(List.of(7L, 7L, 7L, 7L, 7L, 7L));

        assertThat(template.isRecurring(7L)).isFalse();
    }

    @Test
    void forgetsWhatFellOutOfTheWindow() {
        SourceTemplate template = SourceTemplate.empty(new TemplatePolicy(2, 0.5, 4, 100));
        template.observe(List.of(1L));
        template.observe(List.of(1L));
        assertThat(template.isRecurring(1L)).isTrue();

        for (int i = 0; i < 4; i++) {
            template.observe(List.of(100L + i));
        }

        assertThat(template.isRecurring(1L)).isFalse();
        assertThat(SourceTemplate.fromBytes(template.toBytes()).size()).as("stale hashes are not written").isEqualTo(4);
    }

    @Test
    void staysBoundedByEvictingTheLeastRecentlySeen() {
        SourceTemplate template = SourceTemplate.empty();
        for (int article = 0; article < 40; article++) {
            List<Long> hashes = new ArrayList<>(List.of(-1L, -2L));
            long firstBlock = article * 1_000L;
            LongStream.range(firstBlock, firstBlock + 300).forEach(hashes::add);
            template.observe(hashes);
        }

        assertThat(template.size()).isLessThanOrEqualTo(TemplatePolicy.DEFAULT.maxHashes());
        assertThat(template.isRecurring(-1L)).isTrue();
        assertThat(template.toBytes().length).isLessThan(2_000 * 16 + 64);
    }

    @Test
    void rejectsBytesThatAreNotATemplate() {
        byte[] valid = SourceTemplate.empty().toBytes();

        assertThatThrownBy(() -> SourceTemplate.fromBytes(new byte[] {9, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceTemplate.fromBytes(Arrays.copyOf(valid, valid.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceTemplate.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
