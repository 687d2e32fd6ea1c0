package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentConsistencyTest {

    @Test
    void surnameTakesTheTypeOfTheFullName() {
        List<LabeledSentence> document = List.of(
                sentence("Marta|PER Holloway|PER won|O"),
                sentence("Holloway|LOC served|O first|O"),
                sentence("Holloway|O lost|O the|O second|O"));

        apply(EnumSet.of(ConsistencyStep.NAME_PARTS), document);

        assertThat(labels(document.get(1))).containsExactly("PER", "O", "O");
        assertThat(labels(document.get(2))).containsExactly("PER", "O", "O", "O");
    }

    @Test
    void companyFirstWordOnlyOverridesAPersonReading() {
        List<LabeledSentence> document = List.of(
                sentence("Quillon|ORG Freight|ORG Ltd|ORG rose|O"),
                sentence("Quillon|PER gained|O"),
                sentence("Boston|ORG Harbour|ORG Trust|ORG opened|O"),
                sentence("in|O Boston|LOC"));

        apply(EnumSet.of(ConsistencyStep.NAME_PARTS), document);

        assertThat(labels(document.get(1))).containsExactly("ORG", "O");
        assertThat(labels(document.get(3))).containsExactly("O", "LOC");
    }

    @Test
    void basedAdjectiveIsSplitOffAsMisc() {
        List<LabeledSentence> document = List.of(
                sentence("the|O Leeds-based|ORG Quillon|ORG Freight|ORG"),
                sentence("a|O Rotterdam-based|O broker|O"));

        apply(EnumSet.of(ConsistencyStep.BASED_ADJECTIVES), document);

        assertThat(labels(document.get(0))).containsExactly("O", "MISC", "ORG", "ORG");
        assertThat(labels(document.get(1))).containsExactly("O", "MISC", "O");
    }

    @Test
    void capitalHeadlineTakesLabelsFromMixedCaseText() {
        List<LabeledSentence> document = List.of(
                sentence("TENNIS|O -|O ORLANDO|O VELDE|O ADVANCES|O"),
                sentence("Orlando|PER Velde|PER advanced|O"));

        apply(EnumSet.of(ConsistencyStep.HEADLINE_CASE), document);

        assertThat(labels(document.get(0))).containsExactly("O", "O", "PER", "PER", "O");
    }

    @Test
    void taggedPhrasePropagatesToUntaggedRepeats() {
        List<LabeledSentence> document = List.of(
                sentence("Velde|PER Tower|PER stood|O"),
                sentence("Velde|O Tower|O fell|O and|O velde|O"));

        apply(EnumSet.of(ConsistencyStep.PROPAGATE), document);

        assertThat(labels(document.get(1))).containsExactly("PER", "PER", "O", "O", "O");
    }

    @Test
    void coordinatedNamesSplitWhenEitherSideStandsAlone() {
        List<LabeledSentence> document = List.of(
                sentence("Carvell|ORG and|ORG Tamsin|ORG Bank|ORG merged|O"),
                sentence("Carvell|ORG rose|O"),
                sentence("Board|ORG of|ORG Trade|ORG and|ORG Industry|ORG met|O"));

        apply(EnumSet.of(ConsistencyStep.COORDINATION_SPLIT), document);

        assertThat(labels(document.get(0))).containsExactly("ORG", "O", "ORG", "ORG", "O");
        assertThat(labels(document.get(2))).containsExactly("ORG", "ORG", "ORG", "ORG", "ORG", "O");
    }

    @Test
    void companyDesignatorMakesAnOrganisation() {
        List<LabeledSentence> document = List.of(
                sentence("Hollis|PER Yard|PER Ltd|PER said|O"),
                sentence("Ltd|LOC"));

        apply(EnumSet.of(ConsistencyStep.COMPANY_DESIGNATORS), document);

        assertThat(labels(document.get(0))).containsExactly("ORG", "ORG", "ORG", "O");
        assertThat(labels(document.get(1))).containsExactly("LOC");
    }

    @Test
    void capitalLinesKeepTheirPlaceReadings() {
        List<LabeledSentence> document = List.of(
                sentence("DENVER|LOC 1996-08-30|O"),
                sentence("Denver|ORG beat|O Utah|ORG"));

        apply(EnumSet.of(ConsistencyStep.HEADLINE_CASE), document);

        assertThat(labels(document.get(0))).containsExactly("LOC", "O");
    }

    @Test
    void mixedCaseMajorityDecidesTheTypeAndTiesStay() {
        List<LabeledSentence> document = List.of(
                sentence("Quillon|ORG rose|O"),
                sentence("Quillon|ORG fell|O"),
                sentence("Quillon|PER said|O"),
                sentence("QUILLON|PER TALKS|O"),
                sentence("Velde|LOC and|O Velde|PER"));

        apply(EnumSet.of(ConsistencyStep.MAJORITY_TYPE), document);

        assertThat(labels(document.get(2))).containsExactly("ORG", "O");
        assertThat(labels(document.get(3))).containsExactly("PER", "O"); // capital lines neither vote nor change
        assertThat(labels(document.get(4))).containsExactly("LOC", "O", "PER");
    }

    @Test
    void lowerCaseCommonWordDoesNotStartAName() {
        List<LabeledSentence> document = List.of(
                sentence("the|O chaotic|MISC Velde|MISC Revolution|MISC"),
                sentence("van|PER Velde|PER and|O ex-Quillon|MISC players|O"));

        apply(EnumSet.of(ConsistencyStep.LOWER_CASE_LEAD), document);

        assertThat(labels(document.get(0))).containsExactly("O", "O", "MISC", "MISC");
        assertThat(labels(document.get(1))).containsExactly("PER", "PER", "O", "MISC", "O");
    }

    @Test
    void regnalNumberBelongsToTheRuler() {
        List<LabeledSentence> document = List.of(
                sentence("King|O Ottokar|PER II|O ruled|O"),
                sentence("Queen|O Ysolde|PER I|O born|O"),
                sentence("Brenner|PER Holt|PER I|O think|O"));

        apply(EnumSet.of(ConsistencyStep.REGNAL_NUMBERS), document);

        assertThat(labels(document.get(0))).containsExactly("O", "PER", "PER", "O");
        assertThat(labels(document.get(1))).containsExactly("O", "PER", "PER", "O");
        assertThat(labels(document.get(2))).containsExactly("PER", "PER", "O", "O");
    }

    @Test
    void quotedNicknameJoinsFirstAndLastName() {
        List<LabeledSentence> document = List.of(
                sentence("Tomas|PER \"|O Iron|ORG Fist|ORG \"|O Velde|PER won|O"),
                sentence("Lise|PER (|O L.V.|O )|O Holt|PER"),
                sentence("Holt|PER (|O retired|O )|O Velde|PER"));

        apply(EnumSet.of(ConsistencyStep.QUOTED_NICKNAMES), document);

        assertThat(labels(document.get(0))).containsExactly("PER", "PER", "PER", "PER", "PER", "PER", "O");
        assertThat(labels(document.get(1))).containsExactly("PER", "PER", "PER", "PER", "PER");
        assertThat(labels(document.get(2))).containsExactly("PER", "O", "O", "O", "PER");
    }

    @Test
    void possessiveStaysWithACompanyWhoseFullNameHasIt() {
        List<LabeledSentence> document = List.of(
                sentence("Quillon|ORG 's|ORG Freight|ORG Inc|ORG agreed|O"),
                sentence("Quillon|ORG 's|O shares|O rose|O"),
                sentence("Velde|ORG 's|O bid|O"));

        apply(EnumSet.of(ConsistencyStep.COMPANY_POSSESSIVE), document);

        assertThat(labels(document.get(1))).containsExactly("ORG", "ORG", "O", "O");
        assertThat(labels(document.get(2))).containsExactly("ORG", "O", "O");
    }

    @Test
    void shipsAreMiscWhereverTheArticleNamesThem() {
        List<LabeledSentence> document = List.of(
                sentence("the|O aircraft|O carrier|O Tamsin|PER Holt|PER sailed|O"),
                sentence("Tamsin|PER Holt|PER docked|O near|O USS|O Velde|LOC"),
                sentence("the|O tanker|O Marra|O Star|O sank|O on|O Monday|O"),
                sentence("the|O carrier|O Quillon|ORG Air|ORG cut|O fares|O"));

        apply(EnumSet.of(ConsistencyStep.VESSEL_NAMES), document);

        assertThat(labels(document.get(0))).containsExactly("O", "O", "O", "MISC", "MISC", "O");
        assertThat(labels(document.get(1))).containsExactly("MISC", "MISC", "O", "O", "MISC", "MISC");
        assertThat(labels(document.get(2))).containsExactly("O", "O", "MISC", "MISC", "O", "O", "O");
        assertThat(labels(document.get(3))).containsExactly("O", "O", "ORG", "ORG", "O", "O"); // an airline
    }

    private static void apply(EnumSet<ConsistencyStep> steps, List<LabeledSentence> document) {
        new DocumentConsistency(steps).apply(document);
    }

    /** "word|LABEL word|LABEL ..." with O for no entity. */
    private static LabeledSentence sentence(String annotated) {
        String[] pairs = annotated.split(" ");
        List<ArticleToken> tokens = new ArrayList<>();
        EntityType[] labels = new EntityType[pairs.length];
        int offset = 0;
        for (int i = 0; i < pairs.length; i++) {
            String[] pair = pairs[i].split("\\|");
            tokens.add(new ArticleToken(pair[0], offset, offset + pair[0].length()));
            offset += pair[0].length() + 1;
            labels[i] = EntityType.fromLabel(pair[1]).orElse(null);
        }
        return new LabeledSentence(tokens, labels);
    }

    private static List<String> labels(LabeledSentence sentence) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < sentence.size(); i++) {
            labels.add(sentence.label(i) == null ? "O" : sentence.label(i).name());
        }
        return labels;
    }
}
