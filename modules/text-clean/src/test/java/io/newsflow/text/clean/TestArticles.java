package io.newsflow.text.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the module's test resources. */
final class TestArticles {

    static final String SEED = "/seeds/000_170e36daf17d4de0.txt";

    private TestArticles() {
    }

    static Path path(String resource) {
        URL url = TestArticles.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(resource, e);
        }
    }

    static String read(String resource) {
        try {
            return Files.readString(path(resource), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
