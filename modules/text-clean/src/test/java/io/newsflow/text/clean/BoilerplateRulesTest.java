package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateRulesTest {

    private static final BoilerplateRules ENGLISH = BoilerplateRules.load(List.of("en"));

    private static String group(String text) {
        BlockShape shape = BlockShape.of(text, LanguageProfile.english().stopWords());
        return ENGLISH.match(text, shape.words(), shape.sentenceLike()).map(PhraseRule::group).orElse("none");
    }

    @Test
    void keyStripsBulletsCaseAndTrailingPunctuation() {
        assertThat(BoilerplateRules.key("• Read also: Ferry fares frozen"))
                .isEqualTo("read also: ferry fares frozen");
        assertThat(BoilerplateRules.key("Leave a Comment:")).isEqualTo("leave a comment");
        assertThat(BoilerplateRules.key("Editor\u2019s Pick ›")).isEqualTo("editor's pick");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "• Read also: Putin has ‘nearly 100%’ of forces needed # read-also",
        "ADVERTISEMENT # advertisement",
        "Story continues below advertisement # advertisement",
        "Leave a Comment # comment-widget",
        "12 comments # comment-widget",
        "Be the first to comment # comment-widget",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed. # comment-widget",
        "Recent News # related-links",
        "Editor's Pick # related-links",
        "Facebook Twitter WhatsApp Email # share-bar",
        "Share on X # share-bar",
        "Sign up for our morning briefing # newsletter",
        "We use cookies to improve your experience on our site. # cookie-consent",
        "Tags: floods, weather # tags",
        "© 2026 Valley Wire. All rights reserved. # copyright",
        "Copyright 2026 County Post # copyright",
        "12 photos # photo-gallery",
        "Home › News › Local # navigation",
        "By Tom Reyes and Ada Lin # byline",
        "By Karin Holt | Metro News # byline",
        "5 min read # timestamp",
        "Updated 2 hours ago # timestamp",
        "Sign up to The Morning Note, our daily email # newsletter",
        "[Image: The flooded car park on Monday] # photo-gallery",
        "Was this article helpful? # feedback-widget",
        "Poll: Should the bridge be rebuilt? # poll-widget"
    })
    void recognisesChrome(String text, String expectedGroup) {
        assertThat(group(text.strip())).isEqualTo(expectedGroup);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The ministry declined to comment.",
        "By nightfall, the crowd had grown.",
        "By Thursday evening, the river had risen another metre.",
        "Share prices rose sharply.",
        "The bakery sells cookies to raise money for the shelter.",
        "Related charges were dropped in May.",
        "Comments from the public will be accepted until 30 June.",
        "Home owners will pay more from April.",
        "Subscribers to the trust's bulletin will receive the report in March.",
        "Sign up for the vaccine opens on Monday, the ministry said.",
        "Poll workers counted through the night."
    })
    void spareStorySentences(String text) {
        assertThat(group(text)).isEqualTo("none");
    }

    @Test
    void longBlocksAreOnlyMatchedExactly() {
        String longParagraph = "Read also: " + "the council said the road would stay closed ".repeat(5);
        assertThat(group(longParagraph)).isEqualTo("none");
    }

    @Test
    void loadsOtherLanguagesAndRejectsUnknownOnes() {
        BoilerplateRules french = BoilerplateRules.load(List.of("fr"));
        assertThat(french.match("À lire aussi : la réforme des retraites", 7, false)).map(PhraseRule::group)
                .contains("read-also");
        assertThatThrownBy(() -> BoilerplateRules.load(List.of("xx"))).isInstanceOf(IllegalArgumentException.class);
    }
}
