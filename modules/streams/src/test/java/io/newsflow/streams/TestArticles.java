package io.newsflow.streams;

import java.time.Instant;
import java.util.Map;

import io.newsflow.model.RawArticle;

/** Raw articles written for the topology tests: short wire stories with and without page chrome. */
final class TestArticles {

    static final String PORT_STRIKE = """
            Dock workers at the port of Valmora walked out on Tuesday after talks over pay and night shifts \
            collapsed, leaving more than forty container ships waiting outside the harbour.

            The union said its members would stay out until the operator, Valmora Terminals, restored the \
            overtime rates it cut in the spring. A spokesman for the company declined to comment.

            Exporters of fruit and machinery warned that the stoppage could cost the region millions of euros \
            a day if it lasted into next week, and called on the transport ministry to mediate.

            Port officials said ferries to the islands would keep running, but freight bookings for the \
            coming days had been suspended and lorries were being turned away at the gates.""";

    static final String RATE_DECISION = """
            The central bank of Norland kept its main interest rate at 3.5 percent on Thursday, saying \
            inflation was falling more slowly than it had expected in the summer.

            Governor Ilse Marken told reporters that the board had discussed a cut but wanted to see wage \
            figures for the autumn before acting. Shares in the country's largest lenders rose after the \
            announcement.

            Economists polled before the meeting had been split, with a slim majority expecting rates to \
            stay on hold until the new year, when energy prices are forecast to ease.""";

    /** A footer no fixed rule knows: only learning the source's template can remove it. */
    static final String FOOTER = "The Harbour Gazette is published by Harbour Media Group from its offices on Quay Street in Port Ellery.";

    private TestArticles() {
    }

    static RawArticle article(String id, String url, String source, String title, String body) {
        return RawArticle.newBuilder()
                .setId(id).setUrl(url).setSource(source).setTitle(title).setBody(body)
                .setLanguage("en")
                .setPublishedAt(Instant.parse("2026-11-20T08:00:00Z"))
                .setFetchedAt(Instant.parse("2026-11-20T09:00:00Z"))
                .setHeaders(Map.of())
                .build();
    }

    private static final String[] PLACES = {"Ardent", "Belmoor", "Corvale", "Dunmere", "Estwick", "Farholt",
        "Glenbury", "Hallowmere", "Ironvale", "Jastow", "Kelburn", "Larkspur", "Mossgate", "Northam", "Oakhurst",
        "Pellworth", "Quarrington", "Redfern", "Saltmarsh", "Thornby"};
    private static final String[] PEOPLE = {"Mara Quill", "Tobias Renn", "Ilse Varga", "Owen Castellan", "Priya Doshi",
        "Lena Hartwig", "Jonas Eklund", "Ruth Amadi", "Felix Moreau", "Nadia Sorensen", "Karim Haddad", "Elena Brask"};
    private static final String[] SUBJECTS = {"bridge repairs", "flood barriers", "school meals", "bus timetables",
        "a hospital wing", "harbour dredging", "street lighting", "library hours", "tram fares", "cycle lanes",
        "market stalls", "recycling depots", "sports pitches", "allotment rents", "parking permits", "care homes",
        "water mains", "youth clubs", "museum grants", "ferry subsidies"};
    private static final String[] VERBS = {"approved", "delayed", "rejected", "funded", "reviewed", "postponed",
        "expanded", "cut", "audited", "debated"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] GROUPS = {"shopkeepers", "pensioners", "students", "fishermen", "nurses",
        "commuters", "farmers", "parents", "drivers", "artists"};

    /**
     * A distinct short story per number: sentences whose slots (places, people, subjects, numbers) are drawn
     * at random for each story, so two stories share few word 3-shingles while reading like local news.
     */
    static String story(int n) {
        java.util.Random random = new java.util.Random(1_000 + n);
        StringBuilder story = new StringBuilder();
        for (int paragraph = 0; paragraph < 3; paragraph++) {
            if (paragraph > 0) {
                story.append("\n\n");
            }
            for (int sentence = 0; sentence < 3; sentence++) {
                story.append(sentence(random)).append(' ');
            }
        }
        return story.toString().strip();
    }

    private static String sentence(java.util.Random random) {
        String place = pick(random, PLACES);
        String person = pick(random, PEOPLE);
        String subject = pick(random, SUBJECTS);
        String verb = pick(random, VERBS);
        String group = pick(random, GROUPS);
        return switch (random.nextInt(4)) {
            case 0 -> "Councillors in " + place + " " + verb + " plans for " + subject + " on " + pick(random, DAYS)
                    + " after " + (random.nextInt(90) + 10) + " " + group + " wrote to " + person + ".";
            case 1 -> person + " said " + group + " in " + place + " had waited " + (random.nextInt(20) + 2)
                    + " years for " + subject + " and would watch how the money was spent.";
            case 2 -> "The cost of " + subject + " in " + place + " rose to " + (random.nextInt(900) + 100)
                    + " thousand, according to figures " + person + " published on " + pick(random, DAYS) + ".";
            default -> "Local " + group + " and " + pick(random, GROUPS) + " from " + place + " met " + person
                    + " to argue that " + subject + " mattered more than " + pick(random, SUBJECTS) + ".";
        };
    }

    private static String pick(java.util.Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
