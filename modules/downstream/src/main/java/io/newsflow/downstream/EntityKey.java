package io.newsflow.downstream;

import java.util.Locale;
import java.util.Objects;

import io.newsflow.model.EntityType;

/**
 * The key of everything downstream says about one entity: {@code TYPE:canonical}, e.g. {@code PER:Ada Lovelace}.
 * The type is part of the key because "Jordan" the country and "Jordan" the person are different stories.
 */
public record EntityKey(EntityType type, String canonical) {

    public EntityKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(canonical, "canonical");
    }

    /** Parses {@code TYPE:canonical}. @throws IllegalArgumentException when there is no known type prefix */
    public static EntityKey parse(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Entity key '" + key + "' is not TYPE:canonical");
        }
        EntityType type = typeOf(key.substring(0, colon));
        if (type == null) {
            throw new IllegalArgumentException("Entity key '" + key + "' has no known type (PER, ORG, LOC, MISC)");
        }
        return new EntityKey(type, key.substring(colon + 1));
    }

    /** The type named by {@code text} (any case), or null when it names none. */
    public static EntityType typeOf(String text) {
        for (EntityType type : EntityType.values()) {
            if (type.name().equals(text.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return type.name() + ":" + canonical;
    }
}
