/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sample article the evaluation set is generated from: a headline, its paragraphs, and the news event it
 * covers (articles on the same event are different stories that share names and phrases).
 *
 * @param name       file name without extension, for reports
 * @param event      event label; {@code single} for articles with no sibling story
 * @param headline   the headline
 * @param paragraphs the body paragraphs, in order
 */
public record BaseArticle(String name, String event, String headline, List<String> paragraphs) {

    private static final String EVENT_PREFIX = "# event:";

    public BaseArticle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(headline, "headline");
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * Parses the sample format: an optional {@code # event: <label>} line, the headline line, then paragraphs
     * separated by blank lines.
     */
    public static BaseArticle parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        int i = 0;
        String event = "single";
        if (lines.length > 0 && lines[0].startsWith(EVENT_PREFIX)) {
            event = lines[0].substring(EVENT_PREFIX.length()).strip();
            i++;
        }
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length) {
            throw new IllegalArgumentException(name + ": no headline");
        }
        String headline = lines[i++].strip();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                flush(current, paragraphs);
            } else {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(lines[i].strip());
            }
        }
        flush(current, paragraphs);
        return new BaseArticle(name, event, headline, paragraphs);
    }

    /** The clean body as the pipeline would see it when the cleaner keeps the headline: the harder case. */
    public String body() {
        return render(headline, paragraphs);
    }

    static String render(String headline, List<String> paragraphs) {
        return headline + "\n\n" + String.join("\n\n", paragraphs);
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }
}
