/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the labelled evaluation set from the project's sample articles: each sample is paired with
 * copies of itself edited the way republished and re-fetched news really differs (positives), and with
 * other samples (negatives), both different stories on the same event and unrelated stories.
 *
 * <p>Deterministic for a given seed ({@link Random}'s algorithm is fixed by its specification), so figures
 * are comparable between runs and machines.
 */
public final class DuplicatePairGenerator {

    /** Generic lines outlets add to a copy; written for this project. */
    private static final List<String> ADDED_LINES = List.of(
            "This story has been updated with additional details.",
            "Officials did not immediately respond to a request for comment.",
            "Correction: an earlier version of this article gave the wrong day for the meeting.",
            "Sign up to our morning briefing to get the day's top stories in your inbox.",
            "More details are expected to be released later in the day.",
            "An update is expected at a press conference on Friday afternoon.",
            "Readers can send tips and photos to the newsroom by email.");

    private static final List<String> REPORTERS = List.of(
            "Mira Falk", "Tom Berger", "Elin Sato", "Owen Price", "Hana Novak", "Rafael Dunn", "Ines Moreau");

    private static final List<String> CREDIT_FORMATS = List.of(
            "Reporting by %s; additional reporting by %s; editing by %s",
            "(Reporting by %s and %s; Editing by %s)",
            "Writing by %s, with reporting by %s. Edited by %s.");

    /** House-style and synonym edits copy editors make; applied to whole words only. */
    private static final Map<String, String> SUBSTITUTIONS = Map.ofEntries(
            Map.entry("percent", "pct"), Map.entry("said", "says"), Map.entry("about", "around"),
            Map.entry("million", "mln"), Map.entry("more than", "over"), Map.entry("began", "started"),
            Map.entry("expected", "forecast"), Map.entry("announced", "said"), Map.entry("company", "firm"),
            Map.entry("government", "administration"), Map.entry("told", "informed"), Map.entry("would", "will"),
            Map.entry("also", "further"), Map.entry("people", "residents"), Map.entry("kilometres", "km"));

    private static final Pattern SUBSTITUTABLE = Pattern.compile(
            "\\b(" + String.join("|", SUBSTITUTIONS.keySet()) + ")\\b");

    private final long seed;
    private final int variantsPerKind;
    private final int differentStoryPairs;

    public DuplicatePairGenerator(long seed, int variantsPerKind, int differentStoryPairs) {
        this.seed = seed;
        this.variantsPerKind = variantsPerKind;
        this.differentStoryPairs = differentStoryPairs;
    }

    /**
     * {@code variantsPerKind} edited copies of every sample for each duplicate kind; every ordered pair of
     * samples on the same event, plain, edited and with reused background; {@code differentStoryPairs} random
     * pairs of unrelated samples.
     */
    public List<LabelledPair> generate(List<BaseArticle> samples) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("need at least two samples");
        }
        Random random = new Random(seed);
        List<LabelledPair> pairs = new ArrayList<>();
        addEditedCopies(samples, random, pairs);
        addSameEventStories(samples, random, pairs);
        addDifferentStories(samples, random, pairs);
        return pairs;
    }

    private void addEditedCopies(List<BaseArticle> samples, Random random, List<LabelledPair> pairs) {
        for (BaseArticle sample : samples) {
            for (PairKind kind : PairKind.values()) {
                if (!kind.isDuplicate()) {
                    continue;
                }
                for (int v = 0; v < variantsPerKind; v++) {
                    pairs.add(new LabelledPair(sample.body(), edit(sample, kind, random), kind, sample.name()));
                }
            }
        }
    }

    private void addSameEventStories(List<BaseArticle> samples, Random random, List<LabelledPair> pairs) {
        for (BaseArticle a : samples) {
            for (BaseArticle b : samples) {
                if (a == b || !sameEvent(a, b)) {
                    continue;
                }
                String description = a.name() + " vs " + b.name();
                pairs.add(new LabelledPair(a.body(), b.body(), PairKind.SAME_EVENT_DIFFERENT_STORY, description));
                for (PairKind edit : List.of(PairKind.CREDIT_LINE, PairKind.WORD_SUBSTITUTIONS, PairKind.REPUBLISHED)) {
                    pairs.add(new LabelledPair(a.body(), edit(b, edit, random),
                            PairKind.SAME_EVENT_DIFFERENT_STORY, description + " (" + edit + ")"));
                }
                pairs.add(new LabelledPair(a.body(), withBackgroundFrom(a, b, random),
                        PairKind.SAME_EVENT_DIFFERENT_STORY, description + " (reused background)"));
            }
        }
    }

    private void addDifferentStories(List<BaseArticle> samples, Random random, List<LabelledPair> pairs) {
        int added = 0;
        while (added < differentStoryPairs) {
            BaseArticle a = samples.get(random.nextInt(samples.size()));
            BaseArticle b = samples.get(random.nextInt(samples.size()));
            if (a == b || sameEvent(a, b)) {
                continue;
            }
            pairs.add(new LabelledPair(a.body(), edit(b, PairKind.CREDIT_LINE, random), PairKind.DIFFERENT_STORY,
                    a.name() + " vs " + b.name()));
            added++;
        }
    }

    private static boolean sameEvent(BaseArticle a, BaseArticle b) {
        return !a.event().equals("single") && a.event().equals(b.event());
    }

    /** A copy of {@code sample} changed as {@code kind} describes. */
    String edit(BaseArticle sample, PairKind kind, Random random) {
        String headline = sample.headline();
        List<String> paragraphs = new ArrayList<>(sample.paragraphs());
        switch (kind) {
            case HEADLINE_REWRITE:
                return BaseArticle.render(rewriteHeadline(headline, paragraphs, random), paragraphs);
            case DROPPED_PARAGRAPH:
                dropParagraph(paragraphs, random);
                break;
            case ADDED_PARAGRAPH:
                addLine(paragraphs, random);
                break;
            case CREDIT_LINE:
                paragraphs.add(creditLine(random));
                break;
            case WORD_SUBSTITUTIONS:
                substituteWords(paragraphs, 3 + random.nextInt(4), random);
                break;
            case WHITESPACE_AND_QUOTES:
                return retypeset(BaseArticle.render(headline, paragraphs), random);
            case REPUBLISHED:
                headline = rewriteHeadline(headline, paragraphs, random);
                dropParagraph(paragraphs, random);
                substituteWords(paragraphs, 2 + random.nextInt(2), random);
                paragraphs.add(creditLine(random));
                break;
            default:
                throw new IllegalArgumentException("not an edit: " + kind);
        }
        return BaseArticle.render(headline, paragraphs);
    }

    /**
     * The follow-up story {@code b} with one paragraph of the earlier story {@code a} reused word for word as
     * background, as desks do with running stories: the hardest honest negative.
     */
    private static String withBackgroundFrom(BaseArticle a, BaseArticle b, Random random) {
        List<String> paragraphs = new ArrayList<>(b.paragraphs());
        String background = a.paragraphs().get(1 + random.nextInt(a.paragraphs().size() - 1));
        paragraphs.add(paragraphs.size() - 1, background);
        return BaseArticle.render(b.headline(), paragraphs);
    }

    private static String rewriteHeadline(String headline, List<String> paragraphs, Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return "UPDATE " + (1 + random.nextInt(3)) + "-" + headline;
            case 1:
                // Outlets often headline the wire copy with the start of its lead sentence.
                String[] lead = paragraphs.get(0).split(" ");
                int words = Math.min(lead.length, 8 + random.nextInt(5));
                return String.join(" ", List.of(lead).subList(0, words)).replaceAll("[,.;:]$", "");
            default:
                // "X as Y" becomes "X: Y"; headlines without such a joint get a desk label instead.
                String colon = headline.replaceFirst(" (as|after|for|to|in) ", ": ");
                return colon.equals(headline) ? "Explainer: " + headline : colon;
        }
    }

    private static void dropParagraph(List<String> paragraphs, Random random) {
        // Never the lead: copies cut from the bottom or the middle.
        paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
    }

    private static void addLine(List<String> paragraphs, Random random) {
        String line = ADDED_LINES.get(random.nextInt(ADDED_LINES.size()));
        int at = 1 + random.nextInt(paragraphs.size());
        if (random.nextBoolean() && at < paragraphs.size()) {
            paragraphs.set(at, paragraphs.get(at) + " " + line);
        } else {
            paragraphs.add(at, line);
        }
    }

    private static String creditLine(Random random) {
        String format = CREDIT_FORMATS.get(random.nextInt(CREDIT_FORMATS.size()));
        return String.format(Locale.ROOT, format, reporter(random), reporter(random), reporter(random));
    }

    private static String reporter(Random random) {
        return REPORTERS.get(random.nextInt(REPORTERS.size()));
    }

    private static void substituteWords(List<String> paragraphs, int count, Random random) {
        for (int n = 0; n < count; n++) {
            // Every substitutable word in the body is equally likely to be edited.
            List<int[]> spans = new ArrayList<>();
            for (int p = 0; p < paragraphs.size(); p++) {
                Matcher m = SUBSTITUTABLE.matcher(paragraphs.get(p));
                while (m.find()) {
                    spans.add(new int[] {p, m.start(), m.end()});
                }
            }
            if (spans.isEmpty()) {
                return;
            }
            int[] span = spans.get(random.nextInt(spans.size()));
            String paragraph = paragraphs.get(span[0]);
            String replacement = SUBSTITUTIONS.get(paragraph.substring(span[1], span[2]));
            paragraphs.set(span[0], paragraph.substring(0, span[1]) + replacement + paragraph.substring(span[2]));
        }
    }

    /** Same words, different typography: curly quotes, dashes, spacing, line breaks. */
    private static String retypeset(String body, Random random) {
        String out = body;
        out = out.replaceAll("\"(\\S)", "\u201C$1").replaceAll("(\\S)\"", "$1\u201D");
        if (random.nextBoolean()) {
            out = out.replace("'", "\u2019");
        }
        if (random.nextBoolean()) {
            out = out.replace(". ", ".  ");
        }
        out = out.replace("\n\n", random.nextBoolean() ? "\n \n" : "\r\n\r\n\r\n");
        if (random.nextBoolean()) {
            out = "\u00A0" + out.replace(" - ", " \u2014 ") + "\n";
        }
        return out;
    }
}
