package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Precision first: story sentences that merely mention chrome words stay, wherever they sit in the story. */
class StorySentencesStayTest {

    private static final String OPENING = "Council members voted on Tuesday to close the Ashby Street depot by the "
            + "end of the year, ending a dispute that had run for more than two years.";
    private static final String MIDDLE = "The depot employs about forty people, most of whom will be offered jobs "
            + "at a new site on the edge of the town, officials said.";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @ParameterizedTest
    @ValueSource(strings = {
        "The ministry declined to comment.",
        "Officials did not respond to a request for comment.",
        "A spokesperson declined to comment on the report.",
        "Residents were urged to subscribe to the county's text alerts.",
        "Shares in the company fell 4 percent.",
        "Share prices rose sharply.",
        "The advertisement drew 214 complaints.",
        "Comments from the public will be accepted until 30 June.",
        "No comments yet from the mayor's office.",
        "By nightfall, the crowd had grown.",
        "“We will share the report with everyone,” she said.",
        "Nobody was hurt."
    })
    void lastShortSentenceStaysEvenBeforeTheFooter(String sentence) {
        String body = String.join("\n\n", OPENING, MIDDLE, sentence, "Leave a Comment", "Recent News");

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.text()).endsWith("\n\n" + sentence);
        assertThat(cleaned.removed()).extracting(RemovedBlock::text).containsExactly("Leave a Comment", "Recent News");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The ministry declined to comment.",
        "Comments are welcome, the mayor said.",
        "Subscribers will get the supplement on Sunday.",
        "Share of journeys made by bike reached nine percent."
    })
    void shortSentenceBetweenAdvertAndStoryStays(String sentence) {
        String body = String.join("\n\n", OPENING, "Advertisement", sentence, MIDDLE);

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.text()).isEqualTo(String.join("\n\n", OPENING, sentence, MIDDLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Readers who subscribe to the print edition will receive the new supplement free of charge every Sunday.",
        "The company said it would share the findings with the regulator and comment further once the review ends.",
        "Advertisement spending by the campaign rose sharply in the last week before the vote, filings show."
    })
    void longStorySentencesWithChromeWordsStay(String sentence) {
        String body = String.join("\n\n", sentence, OPENING, "Share this article");

        CleanedText cleaned = cleaner.clean(body, "text/plain", null);

        assertThat(cleaned.text()).isEqualTo(sentence + "\n\n" + OPENING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/html"})
    void listIntroducedByTheStoryStaysAfterTheLastParagraph(String contentType) {
        String body = contentType.equals("text/plain")
                ? String.join("\n\n", OPENING, "The plan includes:", "- a new depot at Kell Road",
                        "- twelve electric buses", "Related posts", "Ferry fares frozen")
                : "<article><p>" + OPENING + "</p><p>The plan includes:</p><ul><li>a new depot at Kell Road</li>"
                        + "<li>twelve electric buses</li></ul><p>Related posts</p><p>Ferry fares frozen</p></article>";

        CleanedText cleaned = cleaner.clean(body, contentType, null);

        assertThat(cleaned.text()).contains("The plan includes:").contains("a new depot at Kell Road")
                .contains("twelve electric buses").doesNotContain("Ferry fares frozen");
    }
}
