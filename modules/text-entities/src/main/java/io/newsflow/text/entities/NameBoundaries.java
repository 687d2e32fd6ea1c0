package io.newsflow.text.entities;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Corrects where names start and end, for the shapes of names the CRF cuts wrongly: it labels words one by
 * one from a small window, so a lower-case word before a name, a Roman numeral after it, a nickname in the
 * middle of it or a possessive that is part of a company's name fall on the wrong side of the boundary.
 * Each correction is a {@link ConsistencyStep}; type decisions are left to {@link DocumentConsistency}.
 */
final class NameBoundaries {

    /** Lower-case words that do start names: particles of personal and place names. */
    private static final Set<String> NAME_PARTICLES = Set.of(
            "de", "da", "di", "do", "dos", "das", "del", "della", "des", "du", "la", "le", "van", "von", "der",
            "den", "ter", "ten", "bin", "ibn", "al", "el", "y", "e", "of", "the", "and");

    /** Regnal numbers up to eighteen; "I" is also the pronoun, so it is handled apart. */
    private static final Pattern REGNAL_NUMBER = Pattern.compile(
            "II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII");

    private static final int MAX_NICKNAME_WORDS = 4;

    private NameBoundaries() {
    }

    /** Unlabels lower-case common words at the start of a name ("chaotic", "former"). */
    static void dropLowerCaseLeads(List<LabeledSentence> document) {
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                int from = span.from();
                while (from < span.to() && isLowerCaseCommonWord(sentence.word(from))) {
                    from++;
                }
                if (from > span.from()) {
                    sentence.relabel(span.from(), from, null);
                }
            }
        }
    }

    /** A word in lower case only, not a name particle and not a hyphenated prefix of a name ("ex-England"). */
    private static boolean isLowerCaseCommonWord(String word) {
        if (word.isEmpty() || !Character.isLowerCase(word.charAt(0)) || word.contains("-")
                || NAME_PARTICLES.contains(word)) {
            return false;
        }
        for (int c = 0; c < word.length(); c++) {
            if (Character.isUpperCase(word.charAt(c))) {
                return false; // "iPhone", "al-Assad"-like forms are names
            }
        }
        return true;
    }

    /** Extends a person over an untagged Roman numeral that follows it. */
    static void attachRegnalNumbers(List<LabeledSentence> document) {
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            if (DocumentConsistency.isCapitalLine(sentence)) {
                continue; // in capitals "I" and "V" are just as likely words or initials
            }
            for (EntitySpan span : sentence.spans(s)) {
                int next = span.to();
                if (span.type() != EntityType.PER || next >= sentence.size() || sentence.label(next) != null) {
                    continue;
                }
                String word = sentence.word(next);
                // "Elizabeth I" is a queen, but "...said Smith I think" is not: only a one-word ruler takes "I"
                boolean regnal = REGNAL_NUMBER.matcher(word).matches() || (word.equals("I") && span.length() == 1);
                if (regnal) {
                    sentence.relabel(next, next + 1, EntityType.PER);
                }
            }
        }
    }

    /** Joins "First ( Nick ) Last" and {@code First " Nick " Last} into one person. */
    static void joinQuotedNicknames(List<LabeledSentence> document) {
        for (LabeledSentence sentence : document) {
            for (int open = 1; open + 2 < sentence.size(); open++) {
                String closing = closingOf(sentence.word(open));
                if (closing == null || sentence.label(open - 1) != EntityType.PER) {
                    continue;
                }
                int close = indexOf(sentence, closing, open + 1, open + 1 + MAX_NICKNAME_WORDS);
                if (close <= open + 1 || close + 1 >= sentence.size() || sentence.label(close + 1) != EntityType.PER
                        || !allNameWords(sentence, open + 1, close)) {
                    continue;
                }
                sentence.relabel(open, close + 1, EntityType.PER);
                open = close;
            }
        }
    }

    private static String closingOf(String word) {
        switch (word) {
            case "(":
                return ")";
            case "\"":
                return "\"";
            default:
                return null;
        }
    }

    private static int indexOf(LabeledSentence sentence, String word, int from, int limit) {
        for (int i = from; i <= limit && i < sentence.size(); i++) {
            if (sentence.word(i).equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Capitalised words, allowing "of" and "the" inside ("Hands of Stone"). */
    private static boolean allNameWords(LabeledSentence sentence, int from, int to) {
        for (int i = from; i < to; i++) {
            String word = sentence.word(i);
            if (!DocumentConsistency.startsUpperCase(word) && !word.equals("of") && !word.equals("the")) {
                return false;
            }
        }
        return true;
    }

    /** Extends an organisation over a following "'s" when the article's full name of it includes the "'s". */
    static void keepCompanyPossessives(List<LabeledSentence> document) {
        Set<String> possessiveNames = new HashSet<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                if (span.type() != EntityType.ORG) {
                    continue;
                }
                for (int k = span.from() + 1; k < span.to() - 1; k++) {
                    if (sentence.word(k).equals("'s")) {
                        possessiveNames.add(sentence.phrase(span.from(), k));
                    }
                }
            }
        }
        if (possessiveNames.isEmpty()) {
            return;
        }
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                int next = span.to();
                if (span.type() == EntityType.ORG && next < sentence.size() && sentence.label(next) == null
                        && sentence.word(next).equals("'s")
                        && possessiveNames.contains(sentence.phrase(span.from(), span.to()))) {
                    sentence.relabel(next, next + 1, EntityType.ORG);
                }
            }
        }
    }
}
