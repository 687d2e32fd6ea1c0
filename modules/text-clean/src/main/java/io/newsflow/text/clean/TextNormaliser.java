package io.newsflow.text.clean;

import java.text.Normalizer;

/**
 * The normal form every block leaves the cleaner in: Unicode NFC, invisible formatting characters dropped, every
 * run of whitespace (including no-break and typographic spaces) collapsed to one ASCII space, trimmed.
 *
 * <p>Quotes and apostrophes are kept exactly as written: downstream entity tagging and duplicate detection see the
 * publisher's punctuation, not a folded version of it.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** Normalises one block; linear in its length. */
    public static String normaliseBlock(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        String collapsed = out.toString();
        return Normalizer.isNormalized(collapsed, Normalizer.Form.NFC)
                ? collapsed
                : Normalizer.normalize(collapsed, Normalizer.Form.NFC);
    }

    // Soft hyphen, zero-width space, word joiner and byte-order mark carry no text; ZWJ/ZWNJ do (Indic, Persian).
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }
}
