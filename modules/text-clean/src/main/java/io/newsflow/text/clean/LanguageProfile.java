package io.newsflow.text.clean;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language-specific knowledge of the cleaner: boilerplate phrase rules ({@code lang/<code>.rules}) and stop
 * words ({@code lang/<code>.stopwords}). Several languages can be merged for a multilingual feed.
 */
public final class LanguageProfile {

    private final List<String> languages;
    private final BoilerplateRules rules;
    private final Set<String> stopWords;

    private LanguageProfile(List<String> languages, BoilerplateRules rules, Set<String> stopWords) {
        this.languages = languages;
        this.rules = rules;
        this.stopWords = stopWords;
    }

    /** Loads the resources of the given language codes (e.g. {@code "en"}, {@code "fr"}). */
    public static LanguageProfile of(String... languageCodes) {
        if (languageCodes.length == 0) {
            throw new IllegalArgumentException("At least one language is needed");
        }
        List<String> languages = List.of(languageCodes).stream().map(code -> code.toLowerCase(Locale.ROOT)).toList();
        Set<String> stopWords = new HashSet<>();
        for (String language : languages) {
            for (String line : LanguageResources.lines("lang/" + language + ".stopwords")) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    stopWords.add(word);
                }
            }
        }
        return new LanguageProfile(languages, BoilerplateRules.load(languages), Set.copyOf(stopWords));
    }

    /** The English profile, loaded once and shared (profiles are immutable). */
    public static LanguageProfile english() {
        return EnglishHolder.ENGLISH;
    }

    private static final class EnglishHolder {
        private static final LanguageProfile ENGLISH = of("en");
    }

    public List<String> languages() {
        return languages;
    }

    BoilerplateRules rules() {
        return rules;
    }

    Set<String> stopWords() {
        return stopWords;
    }
}
