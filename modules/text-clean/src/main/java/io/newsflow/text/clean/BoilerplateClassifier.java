package io.newsflow.text.clean;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides, block by block, what is story and what is page chrome.
 *
 * <p>Precision comes first: a block is removed only on a specific signal. The decision runs in three passes, all
 * linear in the number of blocks:
 * <ol>
 *   <li><b>Context-free.</b> Phrase rules ({@link BoilerplateRules}), link-dense or bare-URL blocks are
 *   <em>bad</em>; long blocks of running prose (enough words, enough stop words, as in jusText) are <em>good</em>;
 *   everything else is <em>short</em> and decided by its context.</li>
 *   <li><b>Learned template.</b> Blocks the source repeats ({@link SourceTemplate#isRecurring(long)}) are removed
 *   when they sit outside the story (before its first or after its last non-recurring good block), or inside it
 *   when they do not read as a story sentence. A recurring story sentence or dateline inside the story stays.</li>
 *   <li><b>Context.</b> Inside the story, a short block goes only when the nearest decided blocks on both sides
 *   are boilerplate. After the story, labels and link titles ("Recent News", "Editor's Pick") go; short sentences
 *   stay until the footer chrome has started ("The ministry declined to comment." closes many stories), and so
 *   do list items the story introduced with a colon and a subheading over a last short paragraph. Before the
 *   story nothing is removed on context alone: that is where headline, standfirst and dateline live.</li>
 * </ol>
 */
final class BoilerplateClassifier {

    static final String LEARNED_TEMPLATE = "learned-template";
    static final String LINK_DENSE = "link-dense";
    static final String BARE_LINK = "bare-link";
    static final String FOOTER_ZONE = "footer-zone";
    static final String BOILERPLATE_NEIGHBOURHOOD = "boilerplate-neighbourhood";
    static final String LOW_STOP_WORD_DENSITY = "low-stop-word-density";

    private static final int GOOD_MIN_WORDS = 12;
    private static final double GOOD_MIN_STOP_WORD_DENSITY = 0.2;
    private static final double LOW_STOP_WORD_DENSITY_LIMIT = 0.08;
    // Below this over the whole article, the text is not in a language of the profile: stop words say nothing.
    private static final double LANGUAGE_MATCH_MIN_DENSITY = 0.12;
    private static final int LANGUAGE_MATCH_MIN_WORDS = 40;
    private static final double LINK_DENSE_LIMIT = 0.5;
    private static final int LIST_ITEM_MAX_WORDS = 25;

    private static final Pattern BARE_URL = Pattern.compile("^(?:https?://|www\\.)\\S+$");
    // "LONDON —", "KYIV, Ukraine (AP) —": a place in capitals, an optional agency, a dash.
    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu} .'-]{1,40}(?:, [\\p{L} .]{1,30})?(?: \\([\\p{L} .]{1,20}\\))? ?[\u2014\u2013-]$");

    enum Verdict { GOOD, BAD, SHORT }

    private final LanguageProfile profile;

    BoilerplateClassifier(LanguageProfile profile) {
        this.profile = profile;
    }

    /**
     * Classifies the blocks of one article.
     *
     * @return for each block, {@code null} to keep it or the reason it is boilerplate
     */
    String[] classify(List<Block> blocks, long[] hashes, SourceTemplate template) {
        int n = blocks.size();
        BlockShape[] shapes = new BlockShape[n];
        int totalWords = 0;
        int totalStops = 0;
        for (int i = 0; i < n; i++) {
            shapes[i] = BlockShape.of(blocks.get(i).text(), profile.stopWords());
            totalWords += shapes[i].words();
            totalStops += shapes[i].stopWords();
        }
        boolean stopWordsSpeak = totalWords < LANGUAGE_MATCH_MIN_WORDS
                || (double) totalStops / totalWords >= LANGUAGE_MATCH_MIN_DENSITY;

        Verdict[] verdicts = new Verdict[n];
        String[] reasons = new String[n];
        boolean[] inline = new boolean[n];
        for (int i = 0; i < n; i++) {
            classifyAlone(blocks.get(i), shapes[i], stopWordsSpeak, i, verdicts, reasons, inline);
        }
        if (template != null) {
            applyTemplate(blocks, shapes, hashes, template, verdicts, reasons, inline);
        }
        applyContext(blocks, shapes, stopWordsSpeak, verdicts, reasons, inline);
        return reasons;
    }

    private void classifyAlone(Block block, BlockShape shape, boolean stopWordsSpeak, int i,
                               Verdict[] verdicts, String[] reasons, boolean[] inline) {
        Optional<PhraseRule> rule = profile.rules().match(block.text(), shape.words(), shape.sentenceLike());
        if (rule.isPresent()) {
            bad(i, rule.get().group(), rule.get().inline(), verdicts, reasons, inline);
        } else if (block.linkChars() > 0 && block.linkDensity() > LINK_DENSE_LIMIT) {
            // Link titles rarely read as sentences; a linked sentence is left to its context rather than removed.
            if (shape.sentenceLike()) {
                verdicts[i] = Verdict.SHORT;
            } else {
                bad(i, LINK_DENSE, false, verdicts, reasons, inline);
            }
        } else if (shape.words() <= 1 && BARE_URL.matcher(block.text()).matches()) {
            bad(i, BARE_LINK, true, verdicts, reasons, inline);
        } else if (shape.words() >= GOOD_MIN_WORDS
                && (!stopWordsSpeak || shape.stopWordDensity() >= GOOD_MIN_STOP_WORD_DENSITY)) {
            verdicts[i] = Verdict.GOOD;
        } else {
            verdicts[i] = Verdict.SHORT;
        }
    }

    private static void applyTemplate(List<Block> blocks, BlockShape[] shapes, long[] hashes,
                                      SourceTemplate template, Verdict[] verdicts, String[] reasons,
                                      boolean[] inline) {
        int n = blocks.size();
        boolean[] recurring = new boolean[n];
        int firstStory = -1;
        int lastStory = -1;
        for (int i = 0; i < n; i++) {
            recurring[i] = verdicts[i] != Verdict.BAD && template.isRecurring(hashes[i])
                    && !DATELINE.matcher(blocks.get(i).text()).matches();
            if (verdicts[i] == Verdict.GOOD && !recurring[i]) {
                if (firstStory < 0) {
                    firstStory = i;
                }
                lastStory = i;
            }
        }
        if (firstStory < 0) {
            // Nothing but recurring text: without a story to anchor the zones, removing would be a guess.
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!recurring[i]) {
                continue;
            }
            boolean insideStory = i > firstStory && i < lastStory;
            boolean storySentence = verdicts[i] == Verdict.GOOD && shapes[i].sentenceLike();
            if (!insideStory) {
                bad(i, LEARNED_TEMPLATE, false, verdicts, reasons, inline);
            } else if (!storySentence) {
                bad(i, LEARNED_TEMPLATE, true, verdicts, reasons, inline);
            }
        }
    }

    private static void applyContext(List<Block> blocks, BlockShape[] shapes, boolean stopWordsSpeak,
                                     Verdict[] verdicts, String[] reasons, boolean[] inline) {
        int n = blocks.size();
        int firstGood = -1;
        int lastGood = -1;
        for (int i = 0; i < n; i++) {
            if (verdicts[i] == Verdict.GOOD) {
                if (firstGood < 0) {
                    firstGood = i;
                }
                lastGood = i;
            }
        }
        if (firstGood < 0) {
            return;
        }
        // Nearest decided (good, or non-inline bad) block before and after each position; short blocks and inline
        // markers are transparent. Kept as arrays so the pass stays linear.
        Verdict[] before = new Verdict[n];
        Verdict last = null;
        for (int i = 0; i < n; i++) {
            before[i] = last;
            if (isDecided(verdicts[i], inline[i])) {
                last = verdicts[i];
            }
        }
        Verdict[] after = new Verdict[n];
        last = null;
        for (int i = n - 1; i >= 0; i--) {
            after[i] = last;
            if (isDecided(verdicts[i], inline[i])) {
                last = verdicts[i];
            }
        }
        for (int i = firstGood + 1; i < lastGood; i++) {
            if (verdicts[i] == Verdict.SHORT && before[i] == Verdict.BAD && after[i] == Verdict.BAD) {
                reasons[i] = lowDensityOr(shapes[i], stopWordsSpeak, BOILERPLATE_NEIGHBOURHOOD);
            }
        }
        classifyTail(blocks, shapes, stopWordsSpeak, verdicts, reasons, inline, lastGood);
    }

    /**
     * After the last good block the story may still run on: short sentences, a subheading over a last short
     * paragraph, a list the story introduced (with a colon or a subheading). The first footer chrome, or a label
     * that leads into neither a sentence nor a list, ends the story; every short block from there on is footer.
     */
    private static void classifyTail(List<Block> blocks, BlockShape[] shapes, boolean stopWordsSpeak,
                                     Verdict[] verdicts, String[] reasons, boolean[] inline, int lastGood) {
        int n = blocks.size();
        boolean storyGoesOn = true;
        boolean listOpen = shapes[lastGood].endsWithColon();
        for (int i = lastGood + 1; i < n; i++) {
            if (verdicts[i] == Verdict.BAD) {
                storyGoesOn &= inline[i];
                continue;
            }
            if (verdicts[i] != Verdict.SHORT) {
                continue;
            }
            if (storyGoesOn) {
                boolean listItem = isListItem(blocks.get(i), shapes[i]);
                if (shapes[i].sentenceLike()) {
                    listOpen = false;
                    continue;
                }
                if (listOpen && listItem) {
                    continue;
                }
                if (leadsIntoStory(blocks, shapes, verdicts, inline, i)) {
                    listOpen = !isMarkedListItem(blocks.get(i), shapes[i]) || shapes[i].endsWithColon();
                    continue;
                }
            }
            storyGoesOn = false;
            reasons[i] = lowDensityOr(shapes[i], stopWordsSpeak, FOOTER_ZONE);
        }
    }

    /** The next decided block is a short sentence, or a list item under this label. */
    private static boolean leadsIntoStory(List<Block> blocks, BlockShape[] shapes, Verdict[] verdicts,
                                          boolean[] inline, int i) {
        for (int j = i + 1; j < verdicts.length; j++) {
            if (verdicts[j] == Verdict.BAD && inline[j]) {
                continue;
            }
            if (verdicts[j] != Verdict.SHORT) {
                return false;
            }
            boolean label = !isMarkedListItem(blocks.get(i), shapes[i]) || shapes[i].endsWithColon();
            return shapes[j].sentenceLike() || (label && isMarkedListItem(blocks.get(j), shapes[j]));
        }
        return false;
    }

    private static String lowDensityOr(BlockShape shape, boolean stopWordsSpeak, String reason) {
        return stopWordsSpeak && shape.words() >= GOOD_MIN_WORDS
                && shape.stopWordDensity() < LOW_STOP_WORD_DENSITY_LIMIT ? LOW_STOP_WORD_DENSITY : reason;
    }

    private static boolean isDecided(Verdict verdict, boolean inline) {
        return verdict == Verdict.GOOD || (verdict == Verdict.BAD && !inline);
    }

    private static boolean isListItem(Block block, BlockShape shape) {
        return isMarkedListItem(block, shape)
                || (shape.words() <= LIST_ITEM_MAX_WORDS && block.kind() == Block.Kind.PARAGRAPH);
    }

    /** A list item by markup or bullet, not merely by being short. */
    private static boolean isMarkedListItem(Block block, BlockShape shape) {
        return block.kind() == Block.Kind.LIST_ITEM || shape.bulleted();
    }

    private static void bad(int i, String reason, boolean isInline, Verdict[] verdicts, String[] reasons,
                            boolean[] inline) {
        verdicts[i] = Verdict.BAD;
        reasons[i] = reason;
        inline[i] = isInline;
    }
}
