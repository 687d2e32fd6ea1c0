package io.newsflow.text.clean;

import java.util.regex.Pattern;

/**
 * One fixed-phrase test from a language's rule file, matched against a block's {@link BoilerplateRules#key key}.
 *
 * @param group  the rule group, reported as the removal reason (e.g. {@code comment-widget})
 * @param inline whether blocks of this group sit inside the story (ad markers, "Read also" links) rather than
 *               marking the start of the page footer
 * @param labelsOnly whether the rule spares blocks shaped like a sentence (a byline rule must not take "By
 *               nightfall, the crowd had grown.")
 */
record PhraseRule(String group, boolean inline, boolean labelsOnly, Match match, String phrase, Pattern pattern) {

    enum Match { EXACT, PREFIX, CONTAINS, REGEX, ONLY_WORDS }

    boolean matches(String key) {
        return switch (match) {
            case EXACT -> key.equals(phrase);
            case PREFIX -> key.startsWith(phrase);
            case CONTAINS -> key.contains(phrase);
            case REGEX -> pattern.matcher(key).lookingAt();
            case ONLY_WORDS -> throw new IllegalStateException("word-set rules are matched by BoilerplateRules");
        };
    }
}
