package io.newsflow.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives one generated article its own people, places and figures: capitalised names inside sentences are
 * replaced by invented names, consistently for the whole article, and every digit is redrawn. Without this,
 * articles built from the same paragraphs would share most word shingles and the pipeline would (rightly)
 * fold them together as near duplicates.
 *
 * <p>Not thread-safe: one instance per article.
 */
final class StoryRewriter {

    private static final Pattern NAME = Pattern.compile("\\b[A-Z][a-z]{2,}\\b");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** Capitalised words that are not names, or that keep sentences readable when left alone. */
    private static final Set<String> KEEP = Set.of("The", "This", "That", "These", "Those", "There", "They", "Their",
            "She", "His", "Her", "Its", "But", "And", "For", "With", "When", "While", "After", "Before", "Mr", "Mrs",
            "Ms", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
            "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December");

    private static final String[] ONSETS = {"B", "D", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V",
        "W", "Br", "Ch", "Gr", "St", "Th", "Tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    private static final String[] CODAS = {"n", "r", "l", "s", "th", "nd", "rk", "m", "ck", "ld", "ton", "ley", "wick"};

    private final Random random;
    private final Map<String, String> names = new HashMap<>();

    StoryRewriter(long seed) {
        this.random = new Random(seed);
    }

    String rewrite(String text) {
        return redrawDigits(renameNames(text));
    }

    private String renameNames(String text) {
        Matcher matcher = NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (matcher.find()) {
            String word = matcher.group();
            String replacement = KEEP.contains(word) || startsSentence(text, matcher.start()) ? word
                    : names.computeIfAbsent(word, w -> inventName());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String redrawDigits(String text) {
        Matcher matcher = DIGIT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            boolean leading = matcher.start() == 0 || !Character.isDigit(text.charAt(matcher.start() - 1));
            // A leading zero would turn "2026" into "0xyz"; keep magnitudes plausible.
            int digit = leading && matcher.group().charAt(0) != '0' ? 1 + random.nextInt(9) : random.nextInt(10);
            matcher.appendReplacement(out, Integer.toString(digit));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String inventName() {
        StringBuilder name = new StringBuilder();
        name.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        if (random.nextBoolean()) {
            name.append(ONSETS[random.nextInt(ONSETS.length)].toLowerCase(java.util.Locale.ROOT))
                    .append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return name.append(CODAS[random.nextInt(CODAS.length)]).toString();
    }

    private static boolean startsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"“‘'(".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:•".indexOf(text.charAt(i)) >= 0;
    }
}
