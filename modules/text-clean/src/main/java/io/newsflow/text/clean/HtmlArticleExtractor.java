package io.newsflow.text.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML page into the blocks of its main content, for the same classifier as plain text.
 *
 * <p>Three steps: drop elements that never hold story text (scripts, navigation, asides, forms, page header and
 * footer, embedded media) and containers whose class or id names a widget (comments, share bar, newsletter,
 * related links, cookie banner, ad slot); pick the main container ({@code <article>} with the most paragraph text,
 * else {@code <main>}, else the body); walk it, cutting a block at every block-level element and {@code <br>},
 * and counting link text for link density. A page's single {@code <h1>} is kept as the first block even when the
 * template puts it outside the main container. Entities are decoded by the parser; HTML comments are not text nodes
 * and never reach a block.
 */
final class HtmlArticleExtractor {

    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, object, embed, svg, "
            + "canvas, video, audio, picture, figure, nav, aside, form, button, select, textarea, input, dialog, menu";

    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
            "tr", "td", "th", "caption", "address", "hr", "body", "details", "summary");

    private static final Set<String> WIDGET_NAMES = Set.of("comment", "comments", "disqus", "share", "sharing",
            "social", "sharebar", "newsletter", "subscribe", "subscription", "signup", "related", "recommended",
            "cookie", "cookies", "consent", "gdpr", "advert", "advertisement", "ad", "ads", "adslot", "sponsor",
            "sponsored", "promo", "promotion", "sidebar", "breadcrumb", "breadcrumbs", "tags", "nav", "navbar",
            "menu", "footer", "masthead", "popup", "modal", "outbrain", "taboola", "trending", "paywall", "bio");

    private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    List<Block> extract(String html) {
        Document document = Jsoup.parse(html);
        Element body = document.body();
        Elements headlines = body.select("h1");
        // Templates often put the one headline in a page header above <article>: remember it before chrome goes.
        String headline = headlines.size() == 1 && !isSiteName(headlines.first()) ? headlines.first().text() : "";
        body.select(NEVER_CONTENT).remove();
        removeChrome(body);
        removeWidgets(body);
        Element main = mainContainer(body);
        BlockCollector collector = new BlockCollector();
        if (!headline.isBlank() && main.selectFirst("h1") == null) {
            collector.text.append(headline);
            collector.kind = Block.Kind.HEADING;
            collector.flush();
        }
        NodeTraversor.traverse(collector, main);
        collector.flush();
        return collector.blocks;
    }

    /** An {@code <h1>} that is the site's logo: a link home, or inside navigation or the page footer. */
    private static boolean isSiteName(Element h1) {
        return h1.closest("nav, aside, footer") != null || h1.selectFirst("a[href=/]") != null
                || h1.closest("a[href=/]") != null;
    }

    /** Page footers always go; a header goes unless it is the article's own (headline, byline, standfirst). */
    private static void removeChrome(Element body) {
        body.select("footer, [role=contentinfo], [role=navigation], [role=banner], [role=complementary]").remove();
        for (Element header : body.select("header")) {
            if (header.closest("article") == null || header.selectFirst("h1, h2") == null) {
                header.remove();
            }
        }
    }

    private static void removeWidgets(Element body) {
        int bodyText = body.text().length();
        List<Element> widgets = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element == body || isStoryContainer(element) || !namesWidget(element)) {
                continue;
            }
            widgets.add(element);
        }
        for (Element widget : widgets) {
            // A class like "has-comments" on the story wrapper must not take the story with it.
            if (widget.parent() != null && widget.text().length() * 2 < Math.max(bodyText, 1)) {
                widget.remove();
            }
        }
    }

    private static boolean isStoryContainer(Element element) {
        String tag = element.normalName();
        return tag.equals("article") || tag.equals("main") || "articleBody".equals(element.attr("itemprop"));
    }

    private static boolean namesWidget(Element element) {
        String names = element.className() + ' ' + element.id();
        if (names.isBlank()) {
            return false;
        }
        String lower = names.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            if (i > start && WIDGET_NAMES.contains(lower.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static Element mainContainer(Element body) {
        Element best = null;
        int bestText = 0;
        for (Element article : body.select("article, [itemprop=articleBody]")) {
            int text = paragraphText(article);
            if (text > bestText) {
                best = article;
                bestText = text;
            }
        }
        if (best != null) {
            return best;
        }
        Element main = body.selectFirst("main, [role=main]");
        return main != null ? main : body;
    }

    private static int paragraphText(Element container) {
        Elements paragraphs = container.select("p");
        int length = 0;
        for (Element p : paragraphs) {
            length += p.text().length();
        }
        return length;
    }

    /** Accumulates text into blocks while walking the DOM without recursion (deep pages cannot overflow). */
    private static final class BlockCollector implements NodeVisitor {
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int linkChars;
        private int linkDepth;
        private Block.Kind kind = Block.Kind.PARAGRAPH;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                String chunk = textNode.getWholeText();
                text.append(chunk);
                if (linkDepth > 0) {
                    linkChars += nonSpace(chunk);
                }
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("a")) {
                    linkDepth++;
                } else if (tag.equals("br")) {
                    flush();
                } else if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    kind = HEADING_TAGS.contains(tag) ? Block.Kind.HEADING
                            : tag.equals("li") ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                } else if (BLOCK_TAGS.contains(tag)) {
                    flush();
                }
            }
        }

        void flush() {
            if (text.length() > 0) {
                String normalised = TextNormaliser.normaliseBlock(text.toString());
                if (!normalised.isEmpty()) {
                    blocks.add(new Block(normalised, kind, linkChars));
                }
            }
            text.setLength(0);
            linkChars = 0;
            kind = Block.Kind.PARAGRAPH;
        }

        private static int nonSpace(String chunk) {
            int count = 0;
            for (int i = 0; i < chunk.length(); i++) {
                if (!Character.isWhitespace(chunk.charAt(i)) && !Character.isSpaceChar(chunk.charAt(i))) {
                    count++;
                }
            }
            return count;
        }
    }
}
