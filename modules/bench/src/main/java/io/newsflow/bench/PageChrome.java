package io.newsflow.bench;

import java.util.List;
import java.util.Random;

import org.jsoup.nodes.Entities;

/**
 * Wraps story paragraphs in the kind of page furniture a feed delivers with them (navigation, share and
 * newsletter prompts, advertisement markers, a copyright line; for HTML a full page with header, aside and
 * footer), so the cleaning stage has real work to do. All chrome text is written here for newsflow.
 */
final class PageChrome {

    private static final String[] SECTIONS = {"News", "Business", "Sport", "Health", "Science", "Politics", "World"};
    private static final String[] PROMPTS = {"Share this article: Facebook | X | Email | Copy link",
        "Sign up to our morning briefing and get the day's top stories in your inbox.",
        "Follow us for live updates.", "Comments are closed for this article.",
        "Support independent journalism: subscribe from 1 a week."};

    private PageChrome() {
    }

    static String plainText(String source, List<String> paragraphs, Random random) {
        StringBuilder body = new StringBuilder(6_000);
        body.append(navigation(random)).append("\n\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            body.append(paragraphs.get(i)).append("\n\n");
            if (i == paragraphs.size() / 2) {
                body.append("Advertisement\n\n");
            }
        }
        body.append(PROMPTS[random.nextInt(PROMPTS.length)]).append("\n\n")
                .append("© 2026 ").append(source).append(". All rights reserved.");
        return body.toString();
    }

    static String html(String source, String title, List<String> paragraphs, Random random) {
        StringBuilder page = new StringBuilder(7_000);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append(" | ").append(source).append("</title></head>\n<body>\n")
                .append("<header><nav>");
        for (String section : SECTIONS) {
            page.append("<a href=\"/").append(section.toLowerCase(java.util.Locale.ROOT)).append("\">")
                    .append(section).append("</a> ");
        }
        page.append("</nav></header>\n<main><article>\n<h1>").append(escape(title)).append("</h1>\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            page.append("<p>").append(escape(paragraphs.get(i))).append("</p>\n");
            if (i == paragraphs.size() / 2) {
                page.append("<div class=\"ad-slot\">Advertisement</div>\n");
            }
        }
        page.append("</article>\n<aside><h2>Most read</h2><ul><li><a href=\"/a\">").append(SECTIONS[random.nextInt(
                SECTIONS.length)]).append(" live: the latest</a></li><li><a href=\"/b\">Weather warning issued</a></li>"
                + "</ul></aside></main>\n<footer><p>").append(PROMPTS[random.nextInt(PROMPTS.length)])
                .append("</p><p>© 2026 ").append(source).append(". All rights reserved.</p></footer>\n</body></html>");
        return page.toString();
    }

    private static String navigation(Random random) {
        StringBuilder nav = new StringBuilder("Home");
        for (int i = 0; i < 4; i++) {
            nav.append(" | ").append(SECTIONS[(i + random.nextInt(SECTIONS.length)) % SECTIONS.length]);
        }
        return nav.toString();
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
