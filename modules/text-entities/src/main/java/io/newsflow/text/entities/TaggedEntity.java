package io.newsflow.text.entities;

import java.util.List;
import java.util.Objects;

/**
 * One canonical entity of an article with all its body mentions.
 *
 * @param type       PER, ORG, LOC or MISC
 * @param text       surface text of the first body mention
 * @param start      start offset of the first body mention in the clean body
 * @param end        end offset (exclusive) of the first body mention
 * @param canonical  the fullest name the article uses for the entity ("Vladimir Putin" for "Putin")
 * @param count      number of body mentions
 * @param salience   0..1, how central the entity is to the article (title mentions, position, frequency)
 * @param mentions   every body mention, in text order
 */
public record TaggedEntity(
        EntityType type,
        String text,
        int start,
        int end,
        String canonical,
        int count,
        double salience,
        List<EntityMention> mentions) {

    public TaggedEntity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(canonical, "canonical");
        mentions = List.copyOf(mentions);
        if (salience < 0.0 || salience > 1.0) {
            throw new IllegalArgumentException("salience out of range: " + salience);
        }
    }
}
