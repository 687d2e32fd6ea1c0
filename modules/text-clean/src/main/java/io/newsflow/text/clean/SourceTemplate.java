package io.newsflow.text.clean;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one source's pages repeat: the fingerprints of blocks seen across its recent articles, so that a footer,
 * a share bar or a newsletter prompt the rules do not know is still recognised once the source has shown it often
 * enough.
 *
 * <p>Each fingerprint keeps a bit mask of the articles (within the last {@link TemplatePolicy#window()}) it appeared
 * in, so the recurrence test is exact over the window and costs O(1). Memory is bounded by
 * {@link TemplatePolicy#maxHashes()}: the least recently seen fingerprints are evicted first. The state is compact
 * enough to live in a key-value store keyed by source ({@link #toBytes()}, {@link #fromBytes(byte[])}).
 *
 * <p>Mutable and not thread-safe: one instance belongs to one source and one stream task.
 */
public final class SourceTemplate {

    private static final byte FORMAT_VERSION = 1;

    private final TemplatePolicy policy;
    // Iteration order is least recently seen first: observe() re-inserts what it sees.
    private final LinkedHashMap<Long, Sighting> sightings = new LinkedHashMap<>();
    private long articles;

    private SourceTemplate(TemplatePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A template that has seen nothing, with the {@link TemplatePolicy#DEFAULT default policy}. */
    public static SourceTemplate empty() {
        return new SourceTemplate(TemplatePolicy.DEFAULT);
    }

    /** A template that has seen nothing, with the given policy. */
    public static SourceTemplate empty(TemplatePolicy policy) {
        return new SourceTemplate(policy);
    }

    /** Records one article's blocks; a fingerprint repeated within the article counts once. */
    public void observe(List<Long> blockHashes) {
        Objects.requireNonNull(blockHashes, "blockHashes");
        long article = ++articles;
        for (Long hash : blockHashes) {
            Sighting sighting = sightings.remove(hash);
            if (sighting == null) {
                sighting = new Sighting(article, 1L);
            } else if (sighting.lastArticle != article) {
                sighting.mask = shifted(sighting.mask, article - sighting.lastArticle) | 1L;
                sighting.lastArticle = article;
            }
            sightings.put(hash, sighting);
        }
        evictBeyondCapacity();
    }

    /**
     * Whether the block appeared in at least {@code minArticles} of the windowed articles and in at least
     * {@code minShare} of them.
     */
    public boolean isRecurring(long blockHash) {
        Sighting sighting = sightings.get(blockHash);
        if (sighting == null) {
            return false;
        }
        int seen = seenInWindow(sighting);
        long considered = Math.min(articles, policy.window());
        return seen >= policy.minArticles() && seen >= policy.minShare() * considered;
    }

    /** Number of fingerprints remembered. */
    public int size() {
        return sightings.size();
    }

    /** Number of articles observed since the template was created. */
    public long articlesObserved() {
        return articles;
    }

    public TemplatePolicy policy() {
        return policy;
    }

    /** A compact binary form; fingerprints that fell out of the window are not written. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + sightings.size() * 12);
        out.write(FORMAT_VERSION);
        writeVarLong(out, policy.minArticles());
        writeVarLong(out, Math.round(policy.minShare() * 1_000_000));
        writeVarLong(out, policy.window());
        writeVarLong(out, policy.maxHashes());
        writeVarLong(out, articles);
        int live = 0;
        for (Sighting sighting : sightings.values()) {
            if (seenInWindow(sighting) > 0) {
                live++;
            }
        }
        writeVarLong(out, live);
        byte[] hash = new byte[Long.BYTES];
        for (Map.Entry<Long, Sighting> entry : sightings.entrySet()) {
            Sighting sighting = entry.getValue();
            if (seenInWindow(sighting) == 0) {
                continue;
            }
            ByteBuffer.wrap(hash).putLong(entry.getKey());
            out.write(hash, 0, hash.length);
            writeVarLong(out, articles - sighting.lastArticle);
            writeVarLong(out, sighting.mask & windowMask());
        }
        return out.toByteArray();
    }

    /**
     * Restores a template written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if the bytes are not a template in a known format
     */
    public static SourceTemplate fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("Unknown source template format version " + version);
            }
            int minArticles = Math.toIntExact(readVarLong(in));
            double minShare = readVarLong(in) / 1_000_000.0;
            int window = Math.toIntExact(readVarLong(in));
            int maxHashes = Math.toIntExact(readVarLong(in));
            SourceTemplate template = new SourceTemplate(new TemplatePolicy(minArticles, minShare, window, maxHashes));
            template.articles = readVarLong(in);
            long count = readVarLong(in);
            for (long i = 0; i < count; i++) {
                long hash = in.getLong();
                long age = readVarLong(in);
                long mask = readVarLong(in);
                if (age > template.articles) {
                    throw new IllegalArgumentException("Fingerprint older than the template itself");
                }
                template.sightings.put(hash, new Sighting(template.articles - age, mask));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " trailing bytes after source template");
            }
            template.evictBeyondCapacity();
            return template;
        } catch (BufferUnderflowException | ArithmeticException e) {
            throw new IllegalArgumentException("Truncated or corrupt source template", e);
        }
    }

    private int seenInWindow(Sighting sighting) {
        long age = articles - sighting.lastArticle;
        if (age >= policy.window()) {
            return 0;
        }
        return Long.bitCount(shifted(sighting.mask, age) & windowMask());
    }

    private long windowMask() {
        return policy.window() == 64 ? -1L : (1L << policy.window()) - 1;
    }

    private void evictBeyondCapacity() {
        Iterator<Sighting> eldest = sightings.values().iterator();
        while (sightings.size() > policy.maxHashes() && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private static long shifted(long mask, long articlesLater) {
        return articlesLater >= 64 ? 0L : mask << articlesLater;
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Malformed variable-length number in source template");
    }

    /** The articles (bit 0 = {@code lastArticle}, bit k = k articles earlier) a fingerprint appeared in. */
    private static final class Sighting {
        private long lastArticle;
        private long mask;

        private Sighting(long lastArticle, long mask) {
            this.lastArticle = lastArticle;
            this.mask = mask;
        }
    }
}
