package io.newsflow.text.clean;

import java.util.Objects;

/**
 * One block of an article body that was dropped as boilerplate.
 *
 * @param text   the normalised block text
 * @param reason the rule group or signal that removed it, e.g. {@code comment-widget}, {@code footer-zone} or
 *               {@code learned-template}
 */
public record RemovedBlock(String text, String reason) {

    public RemovedBlock {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }
}
