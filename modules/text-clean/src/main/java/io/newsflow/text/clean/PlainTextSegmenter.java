package io.newsflow.text.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plain-text body into blocks. Blank lines always separate blocks. A single line break separates blocks
 * too (feeds often put one paragraph per line), except in hard-wrapped copy: when most lines that run on into
 * another line end mid-sentence, the body is taken as wrapped at a fixed width and lines are joined back into
 * their paragraph (a bulleted line still starts a block). Outside wrapped copy, a break is still soft when the
 * line ends without punctuation and the next one starts in lower case.
 */
final class PlainTextSegmenter {

    private static final double WRAPPED_SHARE = 0.6;
    private static final int WRAPPED_MIN_LINES = 3;

    List<Block> segment(String body) {
        List<String> lines = lines(body);
        boolean wrapped = isHardWrapped(lines);
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        String previous = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(paragraph, blocks);
                previous = null;
                continue;
            }
            if (previous != null && !isSoftBreak(previous, line, wrapped)) {
                flush(paragraph, blocks);
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line);
            previous = line;
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static List<String> lines(String body) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                lines.add(body.substring(start, i).strip());
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(body.substring(start).strip());
        return lines;
    }

    /** Most lines followed by another non-blank line end mid-sentence: the copy was wrapped at a fixed width. */
    private static boolean isHardWrapped(List<String> lines) {
        int runOn = 0;
        int midSentence = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || lines.get(i + 1).isEmpty()) {
                continue;
            }
            runOn++;
            char last = line.charAt(line.length() - 1);
            if (!BlockShape.isTerminal(last) && last != ':' && !isClosingQuote(last)) {
                midSentence++;
            }
        }
        return runOn >= WRAPPED_MIN_LINES && midSentence >= WRAPPED_SHARE * runOn;
    }

    private static boolean isSoftBreak(String previous, String next, boolean wrapped) {
        if (BlockShape.startsWithBullet(next)) {
            return false;
        }
        char last = previous.charAt(previous.length() - 1);
        if (wrapped) {
            return true;
        }
        if (BlockShape.isTerminal(last) || last == ':') {
            return false;
        }
        return Character.isLowerCase(next.codePointAt(0)) || last == ',' || last == '-';
    }

    private static boolean isClosingQuote(char c) {
        return c == '"' || c == '\u201D' || c == '\u2019' || c == '\u00BB';
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (paragraph.length() == 0) {
            return;
        }
        String text = TextNormaliser.normaliseBlock(paragraph.toString());
        paragraph.setLength(0);
        if (!text.isEmpty()) {
            Block.Kind kind = BlockShape.startsWithBullet(text) ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
            blocks.add(new Block(text, kind, 0));
        }
    }
}
