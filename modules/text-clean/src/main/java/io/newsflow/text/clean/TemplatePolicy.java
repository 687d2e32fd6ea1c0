package io.newsflow.text.clean;

/**
 * When a block counts as part of a source's template.
 *
 * @param minArticles a block must appear in at least this many of the windowed articles
 * @param minShare    and in at least this share of them (of the window, or of all articles while fewer were seen)
 * @param window      how many of the source's most recent articles are considered, 1 to 64
 * @param maxHashes   how many block fingerprints are remembered; the least recently seen are evicted first
 */
public record TemplatePolicy(int minArticles, double minShare, int window, int maxHashes) {

    /** Five articles and half of the last twenty, at most two thousand fingerprints. */
    public static final TemplatePolicy DEFAULT = new TemplatePolicy(5, 0.5, 20, 2_000);

    public TemplatePolicy {
        if (minArticles < 1) {
            throw new IllegalArgumentException("minArticles must be >= 1: " + minArticles);
        }
        if (!(minShare > 0.0 && minShare <= 1.0)) {
            throw new IllegalArgumentException("minShare must be in (0, 1]: " + minShare);
        }
        if (window < 1 || window > 64) {
            throw new IllegalArgumentException("window must be in [1, 64]: " + window);
        }
        if (maxHashes < 1) {
            throw new IllegalArgumentException("maxHashes must be >= 1: " + maxHashes);
        }
    }
}
