package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConllReaderTest {

    private static final String TWO_DOCUMENTS = String.join("\n",
            "-DOCSTART- -X- -X- O",
            "",
            "Ada NNP B-NP B-PER",
            "Lovelace NNP I-NP I-PER",
            "wrote VBD B-VP O",
            "in IN B-PP O",
            "London NNP B-NP B-LOC",
            ". . O O",
            "",
            "Babbage NNP B-NP B-PER",
            "agreed VBD B-VP O",
            "",
            "-DOCSTART- -X- -X- O",
            "",
            "Harbour NNP B-NP B-ORG",
            "Freight NNP I-NP I-ORG",
            "rose VBD B-VP O",
            "");

    @Test
    void splitsDocumentsAtDocstartAndSentencesAtBlankLines() throws IOException {
        List<ConllDocument> documents = ConllReader.read(new StringReader(TWO_DOCUMENTS));

        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).sentences()).hasSize(2);
        assertThat(documents.get(0).sentences().get(0).words())
                .containsExactly("Ada", "Lovelace", "wrote", "in", "London", ".");
        assertThat(documents.get(0).sentences().get(0).tags())
                .containsExactly("B-PER", "I-PER", "O", "O", "B-LOC", "O");
        assertThat(documents.get(1).sentences()).singleElement()
                .satisfies(s -> assertThat(s.words()).containsExactly("Harbour", "Freight", "rose"));
    }

    @Test
    void fileWithoutDocstartIsOneDocumentAndTagIsTheLastColumn() throws IOException {
        String twoColumns = "Oslo B-LOC\nthawed O\n\nNorway I-LOC\n";

        List<ConllDocument> documents = ConllReader.read(new StringReader(twoColumns));

        assertThat(documents).singleElement()
                .satisfies(d -> assertThat(d.sentences()).extracting(ConllSentence::tags)
                        .containsExactly(List.of("B-LOC", "O"), List.of("I-LOC")));
    }

    @Test
    void rejectsLineWithoutTag() {
        assertThatThrownBy(() -> ConllReader.read(new StringReader("lonely\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Line 1");
    }
}
