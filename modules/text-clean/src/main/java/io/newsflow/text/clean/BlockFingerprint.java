package io.newsflow.text.clean;

/**
 * A 64-bit fingerprint of a normalised block, used to recognise the blocks a source repeats on every page.
 *
 * <p>Case is folded and every digit counts as {@code 0}, so "3 comments" and "12 comments", or "© 2023" and
 * "© 2024", share a fingerprint: the template a source repeats often differs only in a counter or a year.
 */
final class BlockFingerprint {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private BlockFingerprint() {
    }

    static long of(String normalisedBlock) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < normalisedBlock.length(); i++) {
            char c = normalisedBlock.charAt(i);
            char folded = Character.isDigit(c) ? '0' : Character.toLowerCase(c);
            hash ^= folded;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
