/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static final String BODY =
            "The mayor said: \"We will rebuild.\" It's the town's third flood - in ten years.";

    @Test
    void isLowerCaseHexSha256() {
        assertThat(ContentHash.of(BODY)).hasSize(64).matches("[0-9a-f]{64}");
        // SHA-256 of the empty string, a published test vector.
        assertThat(ContentHash.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void typographicVariantsHashTheSame() {
        String curly = "The mayor said: \u201CWe will rebuild.\u201D It\u2019s the town\u2019s third flood"
                + " \u2014 in ten years.";
        String spaced =
                "  The mayor  said:\n\"We will rebuild.\"\r\n\r\nIt's the town's\tthird flood - in ten years.\n";
        String invisible = "\uFEFFThe mayor said: \"We will re\u00ADbuild.\"\u00A0It's the\u200B town's"
                + " third flood - in ten years.";
        String shouting = "THE MAYOR SAID: \"WE WILL REBUILD.\" IT'S THE TOWN'S THIRD FLOOD - IN TEN YEARS.";
        String fullWidth = "The mayor said\uFF1A \"We will rebuild.\" It's the town's third flood -"
                + " in ten years.";
        assertThat(ContentHash.of(curly)).isEqualTo(ContentHash.of(BODY));
        assertThat(ContentHash.of(spaced)).isEqualTo(ContentHash.of(BODY));
        assertThat(ContentHash.of(invisible)).isEqualTo(ContentHash.of(BODY));
        assertThat(ContentHash.of(shouting)).isEqualTo(ContentHash.of(BODY));
        assertThat(ContentHash.of(fullWidth)).isEqualTo(ContentHash.of(BODY));
    }

    @Test
    void anyChangeOfWordsChangesTheHash() {
        assertThat(ContentHash.of(BODY.replace("third", "fourth"))).isNotEqualTo(ContentHash.of(BODY));
        assertThat(ContentHash.of(BODY + " More soon.")).isNotEqualTo(ContentHash.of(BODY));
        assertThat(ContentHash.of("rebuild")).isNotEqualTo(ContentHash.of("re build"));
    }

    @Test
    void normaliseShowsWhatIsHashed() {
        assertThat(ContentHash.normalise(" \u201CYes\u201D \u2013  it\u2019s\u00A0DONE\u2026 "))
                .isEqualTo("\"yes\" - it's done...");
        assertThat(ContentHash.normalise(null)).isEmpty();
    }

    @Test
    void asciiBackticksAndUnicodeSpacesAreNormalisedLikeTheirTypographicTwins() {
        assertThat(ContentHash.normalise("`Go`\u2003now\u202Fplease\u200B!")).isEqualTo("'go' now please!");
        assertThat(ContentHash.of("it`s done")).isEqualTo(ContentHash.of("it\u2019s done"));
    }
}
