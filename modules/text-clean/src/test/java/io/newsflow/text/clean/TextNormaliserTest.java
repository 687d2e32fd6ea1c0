package io.newsflow.text.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void composesToNfc() {
        assertThat(TextNormaliser.normaliseBlock("Zu\u0308rich")).isEqualTo("Z\u00fcrich");
    }

    @Test
    void collapsesEveryKindOfSpace() {
        assertThat(TextNormaliser.normaliseBlock(" \t a\u00a0\u00a0b\u2009c\u202f d \n")).isEqualTo("a b c d");
    }

    @Test
    void dropsInvisibleCharactersButKeepsJoiners() {
        assertThat(TextNormaliser.normaliseBlock("co\u00adop\u200Beration\uFEFF")).isEqualTo("cooperation");
        assertThat(TextNormaliser.normaliseBlock("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"))
                .contains("\u200c");
    }

    @Test
    void keepsQuotesAsWritten() {
        String quoted = "\u201cIt\u2019s over,\u201d she said. 'Fine,' he said. \"Yes.\"";
        assertThat(TextNormaliser.normaliseBlock(quoted)).isEqualTo(quoted);
    }
}
