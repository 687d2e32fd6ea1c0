package io.newsflow.text.clean;

/**
 * One paragraph, line, heading or list item of an article body, already normalised.
 *
 * @param text      normalised text, never empty
 * @param kind      what the markup (or the line's shape) says the block is
 * @param linkChars how many of its non-space characters sat inside links (HTML only; 0 for plain text)
 */
record Block(String text, Kind kind, int linkChars) {

    enum Kind { PARAGRAPH, HEADING, LIST_ITEM }

    /** Share of the block's non-space characters that are link text. */
    double linkDensity() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                letters++;
            }
        }
        return letters == 0 ? 0.0 : Math.min(1.0, (double) linkChars / letters);
    }
}
