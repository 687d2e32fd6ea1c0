package io.newsflow.text.entities;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;

import java.util.Arrays;

/**
 * The CRF's feature index (feature string to weight row) with its lookups served from two flat arrays.
 *
 * <p>Labelling an 800-token article looks up about 40,000 feature strings. In CoreNLP's {@code HashIndex}
 * each lookup walks a {@code HashMap}: table, node, key string, its bytes, the boxed index — dependent loads
 * scattered over the heap, so a lookup costs several cache misses and the lookups took a third of the
 * tagger's time. Here a lookup reads one slot of an open-addressing table (hash and pool position in one
 * {@code long}) and then one stretch of a character pool holding the key's length, its index and its
 * characters side by side. A hit is confirmed by comparing every character, so answers are exactly those of
 * the map. Everything else (sizes, {@code get}, iteration) is the {@code HashIndex} this extends, holding
 * the same entries in the same order.
 */
final class CompactFeatureIndex extends HashIndex<String> {

    /** Pool entry header: the key's length, then its index as two 16-bit halves. */
    private static final int HEADER = 3;

    private final long[] slots;
    private final int mask;
    private final char[] pool;

    private CompactFeatureIndex(Index<String> features, long[] slots, char[] pool) {
        super(features);
        this.slots = slots;
        this.mask = slots.length - 1;
        this.pool = pool;
    }

    /**
     * A compact copy of {@code features}, or {@code null} when it cannot hold them (a null or over-long
     * feature string, or a pool past two billion characters): then the caller keeps the original.
     */
    static CompactFeatureIndex of(Index<String> features) {
        int size = features.size();
        long poolLength = 0;
        for (int id = 0; id < size; id++) {
            String feature = features.get(id);
            if (feature == null || feature.length() > Character.MAX_VALUE) {
                return null;
            }
            poolLength += HEADER + feature.length();
        }
        if (poolLength >= Integer.MAX_VALUE) {
            return null;
        }
        // at most half full: a miss (about a third of all lookups) usually ends at the first empty slot
        long[] slots = new long[Integer.highestOneBit(Math.max(2, size) * 4 - 1)];
        int mask = slots.length - 1;
        char[] pool = new char[(int) poolLength];
        int offset = 0;
        for (int id = 0; id < size; id++) {
            String feature = features.get(id);
            int hash = feature.hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            // the low half holds pool offset + 1, so that an empty slot is 0
            slots[slot] = ((long) hash << 32) | (offset + 1L);
            pool[offset] = (char) feature.length();
            pool[offset + 1] = (char) (id >>> 16);
            pool[offset + 2] = (char) id;
            feature.getChars(0, feature.length(), pool, offset + HEADER);
            offset += HEADER + feature.length();
        }
        return new CompactFeatureIndex(features, slots, pool);
    }

    @Override
    public int indexOf(String feature) {
        if (feature == null) {
            return -1;
        }
        int hash = feature.hashCode();
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int offset = (int) entry - 1;
                if (matches(feature, offset)) {
                    return (pool[offset + 1] << 16) | pool[offset + 2];
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * The index of the feature spelled by {@code chars[0, length)}, or -1: the same answer as
     * {@code indexOf(new String(chars, 0, length))} without making the string.
     */
    int indexOf(char[] chars, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode's formula, so that both find the same slots
        }
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int offset = (int) entry - 1;
                int start = offset + HEADER;
                if (pool[offset] == length && Arrays.equals(pool, start, start + length, chars, 0, length)) {
                    return (pool[offset + 1] << 16) | pool[offset + 2];
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private boolean matches(String feature, int offset) {
        int length = feature.length();
        if (pool[offset] != length) {
            return false;
        }
        int start = offset + HEADER;
        for (int i = 0; i < length; i++) {
            if (pool[start + i] != feature.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
