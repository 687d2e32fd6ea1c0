package io.newsflow.text.entities;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scores how central an entity is to its article, from 0 to 1: named in the title (news titles name
 * what the story is about), mentioned early (inverted pyramid) and mentioned often.
 */
final class SalienceScorer {

    private static final double TITLE_WEIGHT = 0.4;
    private static final double POSITION_WEIGHT = 0.3;
    private static final double FREQUENCY_WEIGHT = 0.3;

    /**
     * @param inTitle        whether the title names the entity
     * @param firstOffset    start of the first body mention
     * @param bodyLength     length of the body
     * @param mentions       body mentions of this entity
     * @param mostMentions   body mentions of the most mentioned entity of the article
     */
    double score(boolean inTitle, int firstOffset, int bodyLength, int mentions, int mostMentions) {
        double position = bodyLength == 0 ? 1.0 : 1.0 - (double) firstOffset / bodyLength;
        double frequency = mostMentions == 0 ? 0.0 : Math.log1p(mentions) / Math.log1p(mostMentions);
        double score = (inTitle ? TITLE_WEIGHT : 0.0) + POSITION_WEIGHT * position + FREQUENCY_WEIGHT * frequency;
        return Math.max(0.0, Math.min(1.0, score));
    }

    /** Whether {@code name} occurs in {@code title} as whole words, ignoring case. */
    static boolean titleNames(String title, String name) {
        if (title == null || title.isEmpty() || name.isEmpty()) {
            return false;
        }
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])");
        return pattern.matcher(title.toLowerCase(Locale.ROOT)).find();
    }
}
