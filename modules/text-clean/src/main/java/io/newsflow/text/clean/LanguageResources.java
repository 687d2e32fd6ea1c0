package io.newsflow.text.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the per-language resource files (rules, stop words) shipped next to the cleaner classes. */
final class LanguageResources {

    private LanguageResources() {
    }

    static List<String> lines(String resource) {
        InputStream in = LanguageResources.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No cleaning resource " + resource + " (unsupported language?)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read cleaning resource " + resource, e);
        }
    }
}
