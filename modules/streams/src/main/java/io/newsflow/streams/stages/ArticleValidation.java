package io.newsflow.streams.stages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import io.newsflow.model.RawArticle;

/**
 * What makes a raw article workable: an id, a non-blank body under the size limit, a supported content type.
 * Plain Java, shared by the validate stage and the offline {@code enrich} command.
 */
public final class ArticleValidation {

    public static final String STAGE = "validate";
    static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/html");
    /** Ids become keys of stores and topics; anything longer is a producer bug, not an id. */
    static final int MAX_ID_CHARS = 512;

    private final int maxBodyBytes;

    public ArticleValidation(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @throws StageException with a readable reason when the article cannot be processed */
    public void check(RawArticle article) {
        if (article == null) {
            throw new StageException(STAGE, "Record has no value (tombstone or empty payload)");
        }
        if (article.getId() == null || article.getId().isBlank()) {
            throw new StageException(STAGE, "Article has an empty id");
        }
        if (article.getId().length() > MAX_ID_CHARS) {
            throw new StageException(STAGE, "Article id is " + article.getId().length() + " characters, over "
                    + MAX_ID_CHARS);
        }
        if (article.getBody() == null || article.getBody().isBlank()) {
            throw new StageException(STAGE, "Article " + article.getId() + " has an empty body");
        }
        int bodyBytes = article.getBody().getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > maxBodyBytes) {
            throw new StageException(STAGE, "Article " + article.getId() + " body is " + bodyBytes
                    + " bytes, over the limit of " + maxBodyBytes + " (article.max.body.bytes)");
        }
        if (!CONTENT_TYPES.contains(baseContentType(article.getContentType()))) {
            throw new StageException(STAGE, "Article " + article.getId() + " has unsupported content type '"
                    + article.getContentType() + "' (expected text/plain or text/html)");
        }
    }

    /** "text/html; charset=utf-8" is text/html; no content type is text/plain. */
    public static String baseContentType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
