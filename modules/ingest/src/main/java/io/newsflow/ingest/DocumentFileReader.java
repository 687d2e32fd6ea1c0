package io.newsflow.ingest;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;

import io.newsflow.model.RawArticle;

/**
 * Reads a one-article file: {@code .txt} (title on the first non-blank line, the rest is the body) or
 * {@code .html} (title from {@code <title>}, the whole page is the body for the cleaner to strip).
 * The id comes from the file's path under the loaded root, so re-loading a tree gives the same keys.
 */
final class DocumentFileReader {

    private final long maxBodyBytes;
    private final ArticleIds ids;
    private final Clock clock;

    DocumentFileReader(long maxBodyBytes, ArticleIds ids, Clock clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.ids = ids;
        this.clock = clock;
    }

    static boolean isDocument(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm");
    }

    ParseOutcome read(String relativePath, byte[] content) {
        if (content.length > maxBodyBytes) {
            return ParseOutcome.refused(RejectReason.BODY_TOO_LARGE,
                    "file is " + content.length + " bytes, limit is " + maxBodyBytes);
        }
        Optional<String> text = Utf8Text.decode(content);
        if (text.isEmpty()) {
            return ParseOutcome.refused(RejectReason.INVALID_UTF8, "file is not valid UTF-8");
        }
        String whole = stripBom(text.get());
        if (whole.isBlank()) {
            return ParseOutcome.refused(RejectReason.MISSING_BODY, "file is empty");
        }
        boolean html = !relativePath.toLowerCase(Locale.ROOT).endsWith(".txt");
        String title;
        String body;
        if (html) {
            String pageTitle = Jsoup.parse(whole).title().strip();
            title = pageTitle.isEmpty() ? null : pageTitle;
            body = whole;
        } else {
            String trimmed = whole.stripLeading();
            int end = trimmed.indexOf('\n');
            title = (end == -1 ? trimmed : trimmed.substring(0, end)).strip();
            String rest = end == -1 ? "" : trimmed.substring(end + 1).strip();
            // A one-line file is all body: better a duplicated title than an empty article.
            body = rest.isEmpty() ? trimmed.strip() : rest;
        }
        return new ParseOutcome.Accepted(RawArticle.newBuilder()
                .setId(ids.fromPath(relativePath))
                .setTitle(title)
                .setBody(body)
                .setContentType(html ? ContentTypes.HTML : ContentTypes.PLAIN)
                .setFetchedAt(clock.instant())
                .setHeaders(new HashMap<>())
                .build());
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
