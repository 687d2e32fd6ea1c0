package io.newsflow.text.clean;

import java.util.Locale;
import java.util.Set;

/**
 * The shallow text features of one block that the classifier weighs: word and stop-word counts (stop-word density
 * separates running prose from menus and tag lists, as in jusText), and sentence shape (capitalised start,
 * terminal punctuation), which separates story sentences from labels and link titles.
 */
record BlockShape(int words, int stopWords, boolean sentenceLike, boolean endsWithColon, boolean bulleted) {

    static BlockShape of(String text, Set<String> stopWordList) {
        int words = 0;
        int stops = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                boolean inner = (c == '\'' || c == '\u2019' || c == '-') && i + 1 < n
                        && Character.isLetter(text.codePointAt(i + 1)) && i > start;
                if (!Character.isLetterOrDigit(c) && !inner) {
                    break;
                }
                i += Character.charCount(c);
            }
            words++;
            if (stopWordList.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                stops++;
            }
        }
        return new BlockShape(words, stops, isSentenceLike(text, words), endsWith(text, ':'), startsWithBullet(text));
    }

    double stopWordDensity() {
        return words == 0 ? 0.0 : (double) stopWords / words;
    }

    static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\u3002' || c == '\uFF01' || c == '\uFF1F';
    }

    static boolean startsWithBullet(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '\u2022' || c == '\u00B7' || c == '\u25AA' || c == '\u25E6' || c == '\u25BA' || c == '\u2023'
                || c == '\u25CF') {
            return true;
        }
        if ((c == '-' || c == '*' || c == '\u2013') && text.length() > 1 && text.charAt(1) == ' ') {
            return true;
        }
        int i = 0;
        while (i < text.length() && i < 3 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > 0 && i + 1 < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ')')
                && text.charAt(i + 1) == ' ';
    }

    /** Starts like a sentence (capital, digit or opening quote) and ends like one, closing quotes allowed. */
    private static boolean isSentenceLike(String text, int words) {
        if (words < 2) {
            return false;
        }
        int end = text.length() - 1;
        while (end > 0 && isClosing(text.charAt(end))) {
            end--;
        }
        if (!isTerminal(text.charAt(end))) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return Character.isUpperCase(cp) || Character.isDigit(cp) || !Character.isLowerCase(cp);
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB'
                || c == ' ';
    }

    private static boolean endsWith(String text, char c) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == c;
    }
}
