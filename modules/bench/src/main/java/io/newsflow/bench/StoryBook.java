package io.newsflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stories benchmark articles are made from: the originals of newsflow's sample corpus (written for the
 * project; the real seed article, malformed lines and copies are left out of {@code stories.jsonl}).
 *
 * <p>Only story paragraphs are kept: short blocks (bylines, "Read also" links, footers) are dropped, and a
 * paragraph that appears in two stories (a source's recurring footer) is kept once, so that generated articles
 * share no chrome by accident. {@link PageChrome} adds chrome back on purpose.
 */
public final class StoryBook {

    static final String RESOURCE = "/io/newsflow/bench/stories.jsonl";

    /** Shorter blocks are bylines, captions and links rather than story text. */
    private static final int MIN_PARAGRAPH_WORDS = 12;

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<Story> stories;

    private StoryBook(List<Story> stories) {
        this.stories = List.copyOf(stories);
    }

    /** The stories bundled with this module. */
    public static StoryBook bundled() {
        try (InputStream in = StoryBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Reads JSON lines with {@code source}, {@code title}, {@code body} and {@code contentType}. */
    public static StoryBook read(InputStream jsonLines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        List<Story> stories = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(jsonLines, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String body = node.path("body").asText("");
            boolean html = node.path("contentType").asText("").toLowerCase(Locale.ROOT).startsWith("text/html");
            List<String> paragraphs = new ArrayList<>();
            for (String paragraph : html ? htmlParagraphs(body) : textParagraphs(body)) {
                if (words(paragraph) >= MIN_PARAGRAPH_WORDS && seen.add(paragraph)) {
                    paragraphs.add(paragraph);
                }
            }
            if (!paragraphs.isEmpty()) {
                stories.add(new Story(node.path("source").asText("unknown.example"),
                        node.path("title").asText(""), paragraphs));
            }
        }
        if (stories.isEmpty()) {
            throw new IllegalArgumentException("No stories with paragraphs in the input");
        }
        return new StoryBook(stories);
    }

    public List<Story> stories() {
        return stories;
    }

    /** Every paragraph of every story, in story order. */
    public List<String> paragraphs() {
        List<String> all = new ArrayList<>();
        stories.forEach(story -> all.addAll(story.paragraphs()));
        return all;
    }

    private static List<String> textParagraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINE.split(body)) {
            paragraphs.add(SPACES.matcher(block).replaceAll(" ").strip());
        }
        return paragraphs;
    }

    private static List<String> htmlParagraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (Element p : Jsoup.parse(body).select("article p, main p")) {
            paragraphs.add(SPACES.matcher(p.text()).replaceAll(" ").strip());
        }
        return paragraphs;
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : SPACES.split(stripped).length;
    }
}
