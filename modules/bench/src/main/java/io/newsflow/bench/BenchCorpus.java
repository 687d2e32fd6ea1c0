package io.newsflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.newsflow.model.RawArticle;

/**
 * A deterministic benchmark corpus: {@code N} raw articles of about 5 KB and 800 words, each assembled from
 * paragraphs of the sample stories with its own names and figures ({@link StoryRewriter}) and its own page
 * chrome ({@link PageChrome}), plus a chosen share of copies (alternately exact re-sends with a tracking URL and
 * near-duplicate wire republications) placed shortly after their original.
 *
 * <p>The same arguments always give the same articles, so runs on different machines measure the same work.
 * {@code fetchedAt} is left empty: the benchmark sets it when it produces a record.
 */
public final class BenchCorpus {

    public static final long DEFAULT_SEED = 20_261_125L;
    public static final double DEFAULT_HTML_SHARE = 0.25;

    /** Story words per original; the chrome adds a few dozen more, for about 800 tokens in all. */
    static final int TARGET_STORY_WORDS = 760;

    /** Copies arrive within this many articles of their original, as republications do in a feed. */
    private static final int MAX_COPY_DELAY = 50;

    private static final Instant FIRST_PUBLISHED = Instant.parse("2026-11-01T06:00:00Z");
    private static final String[] WIRE_SOURCES = {"northwire.example", "wire.example", "citylens.example"};

    private static volatile StoryBook bundled;

    private final List<RawArticle> articles;
    private final Map<String, String> duplicateOf;

    private BenchCorpus(List<RawArticle> articles, Map<String, String> duplicateOf) {
        this.articles = List.copyOf(articles);
        this.duplicateOf = Collections.unmodifiableMap(duplicateOf);
    }

    public static BenchCorpus generate(int articles, double duplicateShare, long seed) {
        return generate(articles, duplicateShare, DEFAULT_HTML_SHARE, seed);
    }

    /**
     * @param articles       how many records in all, copies included
     * @param duplicateShare share of the records that are copies of an earlier one, in [0, 1)
     * @param htmlShare      share of the originals delivered as HTML pages, in [0, 1]
     */
    public static BenchCorpus generate(int articles, double duplicateShare, double htmlShare, long seed) {
        if (articles < 0) {
            throw new IllegalArgumentException("articles must not be negative, was " + articles);
        }
        if (!(duplicateShare >= 0 && duplicateShare < 1)) {
            throw new IllegalArgumentException("duplicateShare must be in [0, 1), was " + duplicateShare);
        }
        if (!(htmlShare >= 0 && htmlShare <= 1)) {
            throw new IllegalArgumentException("htmlShare must be in [0, 1], was " + htmlShare);
        }
        int copies = (int) Math.round(articles * duplicateShare);
        int originals = articles - copies;
        if (copies > 0 && originals == 0) {
            copies = 0;
            originals = articles;
        }
        return new Assembly(storyBook(), new Random(seed), htmlShare).build(originals, copies);
    }

    /**
     * The same corpus under other ids and URLs ({@code prefix} put before each id and URL path), so that it can
     * be run through a pipeline that saw corpora of the same generator; copies still name their originals.
     */
    public BenchCorpus withIdPrefix(String prefix) {
        List<RawArticle> renamed = articles.stream()
                .map(article -> RawArticle.newBuilder(article)
                        .setId(prefix + "-" + article.getId())
                        .setUrl(article.getUrl().replace("/news/", "/" + prefix + "/"))
                        .build())
                .toList();
        Map<String, String> copies = new LinkedHashMap<>();
        duplicateOf.forEach((copy, original) -> copies.put(prefix + "-" + copy, prefix + "-" + original));
        return new BenchCorpus(renamed, copies);
    }

    /** Every record, in the order to produce them. */
    public List<RawArticle> articles() {
        return articles;
    }

    /** Copy id to the id of the original it copies. */
    public Map<String, String> duplicateOf() {
        return duplicateOf;
    }

    public int size() {
        return articles.size();
    }

    public int duplicates() {
        return duplicateOf.size();
    }

    /** The records that are not copies: the ones the pipeline should enrich. */
    public List<RawArticle> originals() {
        return articles.stream().filter(article -> !duplicateOf.containsKey(article.getId())).toList();
    }

    private static StoryBook storyBook() {
        StoryBook book = bundled;
        if (book == null) {
            book = StoryBook.bundled();
            bundled = book;
        }
        return book;
    }

    /** An original before it is rendered, kept so a near copy can reuse its paragraphs. */
    private record Draft(RawArticle article, List<String> paragraphs) {
    }

    /** One generation run; not thread-safe. */
    private static final class Assembly {

        private final StoryBook book;
        private final List<String> pool;
        private final Random random;
        private final double htmlShare;

        Assembly(StoryBook book, Random random, double htmlShare) {
            this.book = book;
            this.pool = book.paragraphs();
            this.random = random;
            this.htmlShare = htmlShare;
        }

        BenchCorpus build(int originals, int copies) {
            List<Draft> drafts = new ArrayList<>(originals);
            for (int i = 0; i < originals; i++) {
                drafts.add(original(i, new Random(random.nextLong())));
            }
            // Sort keys: an original sits at its index, a copy a little after its original.
            List<Map.Entry<Double, RawArticle>> ordered = new ArrayList<>(originals + copies);
            for (int i = 0; i < originals; i++) {
                ordered.add(Map.entry((double) i, drafts.get(i).article()));
            }
            Map<String, String> duplicateOf = new LinkedHashMap<>();
            for (int k = 0; k < copies; k++) {
                int of = random.nextInt(originals);
                Draft original = drafts.get(of);
                Random copyRandom = new Random(random.nextLong());
                RawArticle copy = k % 2 == 0 ? exactCopy(k, original) : nearCopy(k, original, copyRandom);
                double position = of + 1 + copyRandom.nextInt(MAX_COPY_DELAY) - 0.5 + k * 1e-9;
                ordered.add(Map.entry(position, copy));
                duplicateOf.put(copy.getId(), original.article().getId());
            }
            ordered.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
            return new BenchCorpus(ordered.stream().map(Map.Entry::getValue).toList(), duplicateOf);
        }

        private Draft original(int index, Random articleRandom) {
            Story lead = book.stories().get(articleRandom.nextInt(book.stories().size()));
            StoryRewriter rewriter = new StoryRewriter(articleRandom.nextLong());
            String title = rewriter.rewrite(lead.title());

            // Open with the lead story, then fill up with paragraphs from anywhere in the book.
            List<String> paragraphs = new ArrayList<>();
            Set<String> used = new HashSet<>();
            int words = 0;
            int opening = Math.min(lead.paragraphs().size(), 2 + articleRandom.nextInt(2));
            for (int i = 0; i < opening; i++) {
                used.add(lead.paragraphs().get(i));
                String paragraph = rewriter.rewrite(lead.paragraphs().get(i));
                paragraphs.add(paragraph);
                words += StoryBook.words(paragraph);
            }
            while (words < TARGET_STORY_WORDS && used.size() < pool.size()) {
                String source = pool.get(articleRandom.nextInt(pool.size()));
                if (used.add(source)) {
                    String paragraph = rewriter.rewrite(source);
                    paragraphs.add(paragraph);
                    words += StoryBook.words(paragraph);
                }
            }

            boolean html = articleRandom.nextDouble() < htmlShare;
            String body = html ? PageChrome.html(lead.source(), title, paragraphs, articleRandom)
                    : PageChrome.plainText(lead.source(), paragraphs, articleRandom);
            String id = String.format(Locale.ROOT, "bench-%07d", index);
            RawArticle article = RawArticle.newBuilder()
                    .setId(id)
                    .setUrl("https://" + lead.source() + "/news/" + slug(title) + "-" + index)
                    .setSource(lead.source())
                    .setTitle(title)
                    .setBody(body)
                    .setContentType(html ? "text/html" : "text/plain")
                    .setLanguage("en")
                    .setPublishedAt(FIRST_PUBLISHED.plus(Duration.ofMinutes(index)))
                    .setFetchedAt(null)
                    .setHeaders(Map.of("generator", "newsflow-bench"))
                    .build();
            return new Draft(article, paragraphs);
        }

        /** A re-send: same body, a tracking URL that canonicalises to the original's. */
        private static RawArticle exactCopy(int k, Draft original) {
            RawArticle source = original.article();
            return RawArticle.newBuilder(source)
                    .setId(copyId(k, source))
                    .setUrl(source.getUrl() + "?utm_source=newsletter&utm_medium=email")
                    .build();
        }

        /** A wire republication: another outlet, a credit line, one paragraph cut, its own chrome. */
        private static RawArticle nearCopy(int k, Draft original, Random copyRandom) {
            RawArticle source = original.article();
            List<String> paragraphs = new ArrayList<>(original.paragraphs());
            if (paragraphs.size() > 2) {
                paragraphs.remove(1 + copyRandom.nextInt(paragraphs.size() - 1));
            }
            String outlet = WIRE_SOURCES[copyRandom.nextInt(WIRE_SOURCES.length)];
            paragraphs.add(0, "This story was first published by " + source.getSource()
                    + " and is republished here with permission.");
            String id = copyId(k, source);
            return RawArticle.newBuilder(source)
                    .setId(id)
                    .setUrl("https://" + outlet + "/wire/" + id)
                    .setSource(outlet)
                    .setTitle("Update: " + source.getTitle())
                    .setBody(PageChrome.plainText(outlet, paragraphs, copyRandom))
                    .setContentType("text/plain")
                    .build();
        }

        private static String copyId(int k, RawArticle original) {
            return String.format(Locale.ROOT, "%s-copy-%d", original.getId(), k);
        }

        private static String slug(String title) {
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            return slug.length() > 50 ? slug.substring(0, 50) : slug;
        }
    }
}
