package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.newsflow.text.dedup.UrlCanonicalizer;

/**
 * Derives stable article ids for inputs that carry none, so that re-loading the same input yields
 * the same Kafka keys (and compaction / dedup downstream see one article, not two).
 * Ids are a prefix plus the first 16 bytes of a SHA-256, hex: {@code url-}, {@code txt-} or {@code file-}.
 */
public final class ArticleIds {

    private static final HexFormat HEX = HexFormat.of();

    private final Function<String, Optional<String>> canonicalizer;

    /** @param canonicalizer maps a URL to its canonical form, empty when it is not a usable URL */
    public ArticleIds(Function<String, Optional<String>> canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    /** Ids over newsflow's shared URL canonical form, the one the deduplicator uses too. */
    public static ArticleIds standard() {
        return new ArticleIds(UrlCanonicalizer::canonicalize);
    }

    /** The id for an article known only by its URL; empty when the URL cannot be canonicalized. */
    public Optional<String> fromUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return canonicalizer.apply(url.strip()).map(canonical -> "url-" + digest(canonical));
    }

    /** The id for an article with neither id nor URL. Fields are separated so that moving text between them changes the id. */
    public String fromContent(String source, String title, String body) {
        return "txt-" + digest(nullToEmpty(source) + '\u0000' + nullToEmpty(title) + '\u0000' + nullToEmpty(body));
    }

    /** The id for a one-article file, from its path relative to the loaded root (so it survives moving the root). */
    public String fromPath(String relativePath) {
        return "file-" + digest(relativePath.replace('\\', '/'));
    }

    /** The given id if present, else from the URL, else from the content. */
    public String resolve(String givenId, String url, String source, String title, String body) {
        if (givenId != null && !givenId.isBlank()) {
            return givenId.strip();
        }
        return fromUrl(url).orElseGet(() -> fromContent(source, title, body));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}
