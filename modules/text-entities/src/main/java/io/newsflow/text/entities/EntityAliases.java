package io.newsflow.text.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Spelling variants that name the same entity ("Kiev" and "Kyiv", "UN" and "United Nations"), read from
 * {@code entity-aliases.tsv}: one entity per line, preferred name first, then its variants, tab separated.
 */
final class EntityAliases {

    private static final String RESOURCE = "io/newsflow/text/entities/entity-aliases.tsv";

    private final Map<String, String> preferredByVariant;

    private EntityAliases(Map<String, String> preferredByVariant) {
        this.preferredByVariant = Map.copyOf(preferredByVariant);
    }

    static EntityAliases loadDefault() {
        InputStream in = EntityAliases.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + RESOURCE);
        }
        Map<String, String> preferred = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\t");
                for (String name : names) {
                    preferred.put(key(name), names[0].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new EntityAliases(preferred);
    }

    /** The preferred name for a variant, if the variant is known. */
    Optional<String> preferred(String name) {
        return Optional.ofNullable(preferredByVariant.get(key(name)));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
