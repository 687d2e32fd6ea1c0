package io.newsflow.text.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The fixed-phrase boilerplate rules of one or more languages, read from {@code lang/<code>.rules} resources.
 *
 * <p>File format: {@code [group flags]} opens a group whose name becomes the removal reason. Flag {@code inline}:
 * the group's blocks sit inside the story (ad markers, "Read also" links) and do not mark the start of the footer.
 * Flag {@code labels}: the group's partial rules spare blocks shaped like a sentence. Each following line is
 * {@code exact}, {@code prefix}, {@code contains}, {@code regex} (anchored at the start) or {@code words} and a
 * lower-case phrase; {@code words} lists a vocabulary, and a block made only of those words matches (a share bar
 * such as "Facebook Twitter WhatsApp Email"). Blocks are compared through their {@link #key(String) key}. Prefix,
 * contains, regex and words rules only apply to short blocks ({@value #MAX_WORDS_FOR_PARTIAL_MATCH} words or
 * fewer), so a long story paragraph that happens to start with a rule phrase is never removed by it.
 */
final class BoilerplateRules {

    static final int MAX_WORDS_FOR_PARTIAL_MATCH = 30;
    // Thirty words are rarely longer than this; a longer "short" block is a run-on token (URL, garbage) not chrome.
    static final int MAX_CHARS_FOR_PARTIAL_MATCH = 400;

    // Bullets and punctuation that key() strips; a block longer than the longest exact phrase plus this cannot match.
    private static final int KEY_NOISE_ALLOWANCE = 16;

    private final Map<String, PhraseRule> exact;
    private final int longestExact;
    private final List<PhraseRule> partial;
    private final Map<String, Set<String>> vocabularies;
    private final Map<String, Boolean> inlineGroups;

    private BoilerplateRules(Map<String, PhraseRule> exact, List<PhraseRule> partial,
                             Map<String, Set<String>> vocabularies, Map<String, Boolean> inlineGroups) {
        this.exact = Map.copyOf(exact);
        this.longestExact = exact.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.partial = List.copyOf(partial);
        this.vocabularies = Map.copyOf(vocabularies);
        this.inlineGroups = Map.copyOf(inlineGroups);
    }

    /** Loads and merges the rule files of the given languages (e.g. {@code "en"}). */
    static BoilerplateRules load(List<String> languages) {
        Map<String, PhraseRule> exact = new HashMap<>();
        List<PhraseRule> partial = new ArrayList<>();
        Map<String, Set<String>> vocabularies = new HashMap<>();
        Map<String, Boolean> inlineGroups = new HashMap<>();
        Map<String, Boolean> labelGroups = new HashMap<>();
        for (String language : languages) {
            String resource = "lang/" + language + ".rules";
            String group = null;
            int lineNumber = 0;
            for (String raw : LanguageResources.lines(resource)) {
                lineNumber++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    String[] header = line.substring(1, line.length() - 1).strip().split("\\s+");
                    group = header[0];
                    List<String> flags = List.of(header).subList(1, header.length);
                    inlineGroups.put(group, flags.contains("inline"));
                    labelGroups.put(group, flags.contains("labels"));
                    continue;
                }
                int space = line.indexOf(' ');
                if (group == null || space < 0) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": expected a [group] and a rule");
                }
                String kind = line.substring(0, space);
                String phrase = line.substring(space + 1).strip();
                boolean inline = inlineGroups.get(group);
                boolean labels = labelGroups.get(group);
                switch (kind) {
                    case "exact" -> exact.putIfAbsent(phrase,
                            new PhraseRule(group, inline, labels, PhraseRule.Match.EXACT, phrase, null));
                    case "prefix" ->
                            partial.add(new PhraseRule(group, inline, labels, PhraseRule.Match.PREFIX, phrase, null));
                    case "contains" ->
                            partial.add(new PhraseRule(group, inline, labels, PhraseRule.Match.CONTAINS, phrase, null));
                    case "regex" -> partial.add(new PhraseRule(group, inline, labels, PhraseRule.Match.REGEX, phrase,
                            compile(resource, lineNumber, phrase)));
                    case "words" -> vocabularies.computeIfAbsent(group, g -> new HashSet<>())
                            .addAll(List.of(phrase.split(" +")));
                    default -> throw new IllegalStateException(
                            resource + ":" + lineNumber + ": unknown rule kind '" + kind + "'");
                }
            }
        }
        return new BoilerplateRules(exact, partial, vocabularies, inlineGroups);
    }

    private static Pattern compile(String resource, int lineNumber, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(resource + ":" + lineNumber + ": bad regex", e);
        }
    }

    /**
     * The form a block is matched in: lower case, curly apostrophes straightened, leading bullets and trailing
     * punctuation stripped ("• Read also:" and "Read also" share a key prefix, "Leave a Comment:" is "leave a
     * comment").
     */
    static String key(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isLeadingNoise(text.charAt(start))) {
            start++;
        }
        while (end > start && isTrailingNoise(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder key = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            key.append(c == '\u2019' || c == '\u2018' ? '\'' : Character.toLowerCase(c));
        }
        return key.toString();
    }

    /** The group of the first rule matching the block, if any. */
    Optional<PhraseRule> match(String text, int words, boolean sentenceLike) {
        boolean exactPossible = text.length() <= longestExact + KEY_NOISE_ALLOWANCE;
        boolean partialPossible =
                words <= MAX_WORDS_FOR_PARTIAL_MATCH && text.length() <= MAX_CHARS_FOR_PARTIAL_MATCH;
        if (!exactPossible && !partialPossible) {
            return Optional.empty();
        }
        String key = key(text);
        PhraseRule hit = exact.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        if (!partialPossible || key.isEmpty()) {
            return Optional.empty();
        }
        for (PhraseRule rule : partial) {
            if ((!rule.labelsOnly() || !sentenceLike) && rule.matches(key)) {
                return Optional.of(rule);
            }
        }
        for (Map.Entry<String, Set<String>> vocabulary : vocabularies.entrySet()) {
            if (onlyWordsOf(key, vocabulary.getValue())) {
                String group = vocabulary.getKey();
                return Optional.of(new PhraseRule(group, inlineGroups.getOrDefault(group, false), false,
                        PhraseRule.Match.ONLY_WORDS, "", null));
            }
        }
        return Optional.empty();
    }

    private static boolean onlyWordsOf(String key, Set<String> vocabulary) {
        int i = 0;
        int n = key.length();
        int words = 0;
        while (i < n) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(key.charAt(i)) || key.charAt(i) == '-')) {
                i++;
            }
            if (!vocabulary.contains(key.substring(start, i))) {
                return false;
            }
            words++;
        }
        return words > 0;
    }

    private static boolean isLeadingNoise(char c) {
        return c == ' ' || c == '\u2022' || c == '\u00B7' || c == '\u25AA' || c == '\u25BA' || c == '\u25CF'
                || c == '-' || c == '*' || c == '\u2013' || c == '\u2014' || c == '>' || c == '|';
    }

    private static boolean isTrailingNoise(char c) {
        return c == ' ' || c == ':' || c == '.' || c == '!' || c == '\u2026' || c == '|' || c == '\u00BB'
                || c == '\u203A' || c == '>' || c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2192';
    }
}
