package io.newsflow.ingest;

import java.util.Locale;
import java.util.Optional;

/** The two body formats the pipeline understands. */
final class ContentTypes {

    static final String PLAIN = "text/plain";
    static final String HTML = "text/html";

    private ContentTypes() {
    }

    /** {@code text/html; charset=utf-8} -> {@code text/html}; empty for anything the cleaner cannot handle. */
    static Optional<String> normalize(String contentType) {
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals(PLAIN) || base.equals(HTML)) {
            return Optional.of(base);
        }
        if (base.equals("application/xhtml+xml")) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }
}
