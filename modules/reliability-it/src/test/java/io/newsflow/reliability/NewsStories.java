/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import java.time.Instant;
import java.util.Map;
import java.util.Random;

import io.newsflow.model.RawArticle;

/**
 * Invented local-news stories for the fault tests: each number gives a distinct story whose sentences fill
 * random slots (places, people, subjects, figures), so two stories share too few word shingles to look alike,
 * while the same number always gives the same text.
 */
final class NewsStories {

    private static final String[] TOWNS = {"Ashcombe", "Brindle", "Caverly", "Duxmoor", "Elmstead", "Fenwick",
        "Grayhaven", "Holloway", "Inchcape", "Juniper Bay", "Kestrel Point", "Lowbridge", "Marrowby", "Netherfold",
        "Orrin Vale", "Pillory Cross", "Quenby", "Rookwood", "Sedgemoor", "Tillingham", "Upperton", "Wyecliffe"};
    private static final String[] OFFICIALS = {"Agnes Pollard", "Bram Okafor", "Celia Trent", "Dorian Vasko",
        "Edith Marlowe", "Farid Nasser", "Greta Lindholm", "Hugo Ferreira", "Isla Brennan", "Joel Saunders",
        "Katya Morozova", "Leon Achterberg", "Maud Ellery", "Nico Santangelo"};
    private static final String[] PROJECTS = {"the ring road", "a new fire station", "pothole repairs",
        "the swimming baths", "a skate park", "riverside flats", "the night bus", "school crossings",
        "the old mill", "a food bank", "broadband cabinets", "the town clock", "tree planting", "the lido",
        "a health centre", "the bandstand", "ferry moorings", "the cattle market", "public toilets", "the pier"};
    private static final String[] ACTIONS = {"approved", "shelved", "scrapped", "financed", "questioned",
        "paused", "enlarged", "trimmed", "inspected", "revived"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] RESIDENTS = {"beekeepers", "bakers", "cyclists", "landlords", "midwives",
        "taxi drivers", "teachers", "veterans", "anglers", "choir members", "tenants", "publicans"};

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T08:00:00Z");

    private NewsStories() {
    }

    /** The original article number {@code n}: id {@code prefix-n}, its own URL and story. */
    static RawArticle original(String prefix, int n) {
        return article(prefix + "-" + n, url(n), "Story " + n, story(n));
    }

    /** A re-post of article {@code n} under another id: same URL plus a tracking parameter, same body. */
    static RawArticle trackedCopy(String prefix, int n) {
        return article(prefix + "-" + n + "-tracked", url(n) + "?utm_source=x", "Story " + n, story(n));
    }

    /** A syndicated copy of article {@code n} under another id: another site's URL, the same body. */
    static RawArticle syndicatedCopy(String prefix, int n) {
        return article(prefix + "-" + n + "-syndicated", "https://wire.example/" + n, "Wire: story " + n, story(n));
    }

    static RawArticle article(String id, String url, String title, String body) {
        return RawArticle.newBuilder()
                .setId(id).setUrl(url).setSource(url == null ? "gazette.example" : host(url))
                .setTitle(title).setBody(body)
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(PUBLISHED.plusSeconds(3600))
                .setHeaders(Map.of())
                .build();
    }

    /** Three paragraphs of three sentences, the slots drawn from a generator seeded by {@code n}. */
    static String story(int n) {
        Random random = new Random(7_919L * n + 17);
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

    private static String url(int n) {
        return "https://gazette.example/local/" + n;
    }

    private static String host(String url) {
        return java.net.URI.create(url).getHost();
    }

    private static String sentence(Random random) {
        String town = pick(random, TOWNS);
        String official = pick(random, OFFICIALS);
        String project = pick(random, PROJECTS);
        String group = pick(random, RESIDENTS);
        return switch (random.nextInt(5)) {
            case 0 -> "The council in " + town + " " + pick(random, ACTIONS) + " " + project + " on "
                    + pick(random, WEEKDAYS) + " after " + (random.nextInt(400) + 20) + " " + group
                    + " signed a letter to " + official + ".";
            case 1 -> official + " told " + group + " in " + town + " that " + project + " would cost "
                    + (random.nextInt(80) + 2) + " million over " + (random.nextInt(9) + 2) + " years.";
            case 2 -> "Figures released by " + official + " on " + pick(random, WEEKDAYS) + " show " + project
                    + " in " + town + " ran " + (random.nextInt(60) + 5) + " percent over budget.";
            case 3 -> "A group of " + group + " from " + town + " asked " + official + " to put " + project
                    + " ahead of " + pick(random, PROJECTS) + " in the spring budget.";
            default -> "In " + town + ", " + group + " and " + pick(random, RESIDENTS) + " packed the hall to hear "
                    + official + " defend " + project + " for " + (random.nextInt(3) + 1) + " hours.";
        };
    }

    private static String pick(Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
