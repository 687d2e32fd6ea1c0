package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CanonicalEntityMergerTest {

    private final CanonicalEntityMerger merger = new CanonicalEntityMerger(EntityAliases.loadDefault());
    private int offset;

    @Test
    void surnameJoinsTheFullNameOfTheArticle() {
        List<BodyMention> mentions = List.of(
                mention(EntityType.PER, "Christine Lagarde"),
                mention(EntityType.LOC, "Frankfurt"),
                mention(EntityType.PER, "Lagarde"),
                mention(EntityType.PER, "Ms. Lagarde"));

        List<CanonicalEntityMerger.MentionGroup> groups = merger.merge(mentions);

        assertThat(groups).hasSize(2);
        CanonicalEntityMerger.MentionGroup lagarde = groups.get(0);
        assertThat(lagarde.canonical()).isEqualTo("Christine Lagarde");
        assertThat(lagarde.mentions()).extracting(BodyMention::text)
                .containsExactly("Christine Lagarde", "Lagarde", "Ms. Lagarde");
    }

    @Test
    void sharedSurnameOfTwoPeopleStaysApart() {
        List<BodyMention> mentions = List.of(
                mention(EntityType.PER, "Joe Biden"),
                mention(EntityType.PER, "Hunter Biden"),
                mention(EntityType.PER, "Biden"));

        assertThat(merger.merge(mentions)).extracting(CanonicalEntityMerger.MentionGroup::canonical)
                .containsExactly("Joe Biden", "Hunter Biden", "Biden");
    }

    @Test
    void spellingVariantsAndCapitalsJoinThePreferredName() {
        List<BodyMention> mentions = List.of(
                mention(EntityType.LOC, "Kiev"),
                mention(EntityType.LOC, "KYIV"),
                mention(EntityType.LOC, "Kyiv"),
                mention(EntityType.ORG, "Kyiv"));

        List<CanonicalEntityMerger.MentionGroup> groups = merger.merge(mentions);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).type()).isEqualTo(EntityType.LOC);
        assertThat(groups.get(0).canonical()).isEqualTo("Kyiv");
        assertThat(groups.get(0).mentions()).hasSize(3);
        assertThat(groups.get(1).type()).isEqualTo(EntityType.ORG);
    }

    @Test
    void singleWordNamesNeverJoinOtherTypes() {
        List<BodyMention> mentions = List.of(
                mention(EntityType.PER, "George Washington"),
                mention(EntityType.LOC, "Washington"));

        assertThat(merger.merge(mentions)).hasSize(2);
    }

    private BodyMention mention(EntityType type, String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        BodyMention mention = new BodyMention(type, words, offset, offset + text.length(), text);
        offset += text.length() + 1;
        return mention;
    }
}
