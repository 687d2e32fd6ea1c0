package io.newsflow.text.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strips page chrome from an article body and returns the story text in normal form.
 *
 * <p>Plain text is split into paragraphs and lines; HTML ({@code text/html}) is reduced to its main content first
 * by {@link HtmlArticleExtractor}. Each block is then classified by {@link BoilerplateClassifier}, optionally with
 * what the article's source is known to repeat ({@link SourceTemplate}). The kept blocks are joined by a blank
 * line; the removed ones are returned with the reason, and the fingerprints of all blocks are returned so the
 * caller can keep the source's template learning.
 *
 * <p>Thread-safe and immutable after construction: one instance can serve every stream thread.
 */
public final class ArticleCleaner {

    private static final Logger log = LoggerFactory.getLogger(ArticleCleaner.class);

    private final BoilerplateClassifier classifier;
    private final PlainTextSegmenter textSegmenter = new PlainTextSegmenter();
    private final HtmlArticleExtractor htmlExtractor = new HtmlArticleExtractor();

    /** A cleaner with the English rules and stop words. */
    public ArticleCleaner() {
        this(LanguageProfile.english());
    }

    public ArticleCleaner(LanguageProfile profile) {
        this.classifier = new BoilerplateClassifier(Objects.requireNonNull(profile, "profile"));
        log.debug("Article cleaner ready for languages {}", profile.languages());
    }

    /**
     * Cleans one article body.
     *
     * @param body           the body exactly as received; {@code null} counts as empty
     * @param contentType    {@code text/html} (parameters allowed) for HTML, anything else for plain text; when
     *                       {@code null} a body that starts like an HTML document is treated as HTML
     * @param templateOrNull what the article's source repeats, or {@code null} to rely on the rules alone; it is
     *                       only read, never updated: call {@link SourceTemplate#observe(List)} with
     *                       {@link CleanedText#blockHashes()} afterwards
     */
    public CleanedText clean(String body, String contentType, SourceTemplate templateOrNull) {
        if (body == null || body.isBlank()) {
            return CleanedText.empty();
        }
        List<Block> blocks = isHtml(body, contentType)
                ? htmlExtractor.extract(body)
                : textSegmenter.segment(body.indexOf('&') >= 0 ? Parser.unescapeEntities(body, false) : body);
        long[] hashes = new long[blocks.size()];
        List<Long> hashList = new ArrayList<>(blocks.size());
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = BlockFingerprint.of(blocks.get(i).text());
            hashList.add(hashes[i]);
        }
        String[] reasons = classifier.classify(blocks, hashes, templateOrNull);

        StringBuilder text = new StringBuilder(body.length());
        List<RemovedBlock> removed = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            String blockText = blocks.get(i).text();
            if (reasons[i] != null) {
                removed.add(new RemovedBlock(blockText, reasons[i]));
            } else {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(blockText);
            }
        }
        log.trace("Cleaned {} blocks, removed {}", blocks.size(), removed.size());
        return new CleanedText(text.toString(), removed, hashList);
    }

    private static boolean isHtml(String body, String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            String type = contentType.strip().toLowerCase(Locale.ROOT);
            return type.startsWith("text/html") || type.startsWith("application/xhtml");
        }
        String start = body.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 15)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }
}
