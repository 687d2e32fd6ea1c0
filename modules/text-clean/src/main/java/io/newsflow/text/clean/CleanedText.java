package io.newsflow.text.clean;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of cleaning one article body.
 *
 * @param text        the story text: normalised blocks joined by a blank line ({@code "\n\n"})
 * @param removed     the blocks classified as boilerplate, in document order, each with the signal that removed it
 * @param blockHashes fingerprints of all normalised blocks of the article, content and boilerplate, in document
 *                    order; feed them to {@link SourceTemplate#observe(List)} so the source's template keeps learning
 */
public record CleanedText(String text, List<RemovedBlock> removed, List<Long> blockHashes) {

    public CleanedText {
        Objects.requireNonNull(text, "text");
        removed = List.copyOf(removed);
        blockHashes = List.copyOf(blockHashes);
    }

    static CleanedText empty() {
        return new CleanedText("", List.of(), List.of());
    }
}
