package io.newsflow.text.entities;

import java.util.Locale;
import java.util.Optional;

/** The four CoNLL entity types the tagger emits. */
public enum EntityType {
    PER, ORG, LOC, MISC;

    /**
     * Maps a CRF answer or a CoNLL tag body ("PERSON", "I-PER", "B-LOC", "MISC") to a type; "O" and
     * anything unknown map to empty.
     */
    public static Optional<EntityType> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String body = label.length() > 2 && label.charAt(1) == '-' ? label.substring(2) : label;
        switch (body.toUpperCase(Locale.ROOT)) {
            case "PER":
            case "PERSON":
                return Optional.of(PER);
            case "ORG":
            case "ORGANIZATION":
                return Optional.of(ORG);
            case "LOC":
            case "LOCATION":
                return Optional.of(LOC);
            case "MISC":
                return Optional.of(MISC);
            default:
                return Optional.empty();
        }
    }
}
