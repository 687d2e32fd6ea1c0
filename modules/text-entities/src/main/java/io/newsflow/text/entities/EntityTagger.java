package io.newsflow.text.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the people, organisations, places and other names (MISC) of a news article.
 *
 * <p>Tokenises the clean body, labels it with Stanford's CoNLL-2003 4-class CRF, corrects the labels with
 * what the whole article knows ({@link ConsistencyStep}), merges mentions of the same entity and ranks
 * entities by salience.
 * The model is loaded once per JVM and shared; instances are immutable and thread-safe, so the cheap
 * {@link #create()} may be called per thread or once for all.
 */
public final class EntityTagger {

    /** Every document-level step: each one raised F1 on CoNLL-2003 eng.testa. */
    public static final Set<ConsistencyStep> DEFAULT_STEPS =
            EnumSet.allOf(ConsistencyStep.class);

    private static final Logger log = LoggerFactory.getLogger(EntityTagger.class);

    private final ArticleTokenizer tokenizer = new ArticleTokenizer();
    private final boolean wholeArticle;
    private final DocumentConsistency consistency;
    private final CanonicalEntityMerger merger;
    private final SalienceScorer salience = new SalienceScorer();

    private EntityTagger(Set<ConsistencyStep> steps) {
        this.wholeArticle = steps.contains(ConsistencyStep.ARTICLE_SEQUENCE);
        this.consistency = new DocumentConsistency(steps);
        this.merger = new CanonicalEntityMerger(SharedResources.ALIASES);
    }

    /** A tagger with the default document-level steps. */
    public static EntityTagger create() {
        return create(DEFAULT_STEPS);
    }

    /** A tagger with the given document-level steps (none: the plain sentence-level CRF). */
    public static EntityTagger create(Set<ConsistencyStep> steps) {
        return new EntityTagger(steps);
    }

    /** Loads the model (if no tagger has yet) and runs it once so the first article is not slow. */
    public void warmUp() {
        long started = System.nanoTime();
        tag("Warm-up", "Christine Lagarde spoke in Frankfurt for the European Central Bank on Monday.");
        log.debug("Entity tagger warm in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Entities of an article, most salient first. Offsets are into {@code cleanBody}; the title is only
     * used to rank (an entity named only in the title has no body offsets and is not returned).
     */
    public List<TaggedEntity> tag(String title, String cleanBody) {
        Objects.requireNonNull(cleanBody, "cleanBody");
        List<BodyMention> mentions = mentions(cleanBody);
        List<CanonicalEntityMerger.MentionGroup> groups = merger.merge(mentions);
        int mostMentions = 0;
        for (CanonicalEntityMerger.MentionGroup group : groups) {
            mostMentions = Math.max(mostMentions, group.mentions().size());
        }
        List<TaggedEntity> entities = new ArrayList<>(groups.size());
        for (CanonicalEntityMerger.MentionGroup group : groups) {
            String canonical = group.canonical();
            BodyMention first = group.mentions().get(0);
            boolean inTitle = inTitle(title, canonical, group.mentions());
            double score = salience.score(inTitle, first.start(), cleanBody.length(),
                    group.mentions().size(), mostMentions);
            List<EntityMention> all = new ArrayList<>(group.mentions().size());
            for (BodyMention mention : group.mentions()) {
                all.add(mention.toMention());
            }
            entities.add(new TaggedEntity(group.type(), first.text(), first.start(), first.end(), canonical,
                    all.size(), score, all));
        }
        entities.sort(Comparator.comparingDouble(TaggedEntity::salience).reversed()
                .thenComparingInt(TaggedEntity::start));
        return List.copyOf(entities);
    }

    /** Typed mentions of the body in text order, after the document-level steps. */
    List<BodyMention> mentions(String body) {
        List<List<ArticleToken>> sentences = tokenizer.sentences(body);
        List<LabeledSentence> document = label(sentences);
        consistency.apply(document);
        List<BodyMention> mentions = new ArrayList<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                int start = sentence.token(span.from()).start();
                int end = sentence.token(span.to() - 1).end();
                List<String> words = new ArrayList<>(span.length());
                for (int i = span.from(); i < span.to(); i++) {
                    words.add(sentence.word(i));
                }
                mentions.add(new BodyMention(span.type(), words, start, end, body.substring(start, end)));
            }
        }
        return mentions;
    }

    private List<LabeledSentence> label(List<List<ArticleToken>> sentences) {
        List<LabeledSentence> document = new ArrayList<>(sentences.size());
        if (!wholeArticle) {
            for (List<ArticleToken> tokens : sentences) {
                document.addAll(labelSequence(List.of(tokens)));
            }
            return document;
        }
        return labelSequence(sentences);
    }

    /** Runs the CRF once over the given sentences as one sequence. */
    private List<LabeledSentence> labelSequence(List<List<ArticleToken>> sentences) {
        CrfSequenceLabeler crf = SharedResources.crf();
        List<ArticleToken> all = new ArrayList<>();
        for (List<ArticleToken> tokens : sentences) {
            all.addAll(tokens);
        }
        EntityType[] labels = all.isEmpty() ? new EntityType[0] : crf.label(words(all));
        List<LabeledSentence> document = new ArrayList<>(sentences.size());
        int offset = 0;
        for (List<ArticleToken> tokens : sentences) {
            int end = offset + tokens.size();
            document.add(new LabeledSentence(tokens, Arrays.copyOfRange(labels, offset, end)));
            offset = end;
        }
        return document;
    }

    private static List<String> words(List<ArticleToken> tokens) {
        List<String> words = new ArrayList<>(tokens.size());
        for (ArticleToken token : tokens) {
            words.add(token.word());
        }
        return words;
    }

    private static boolean inTitle(String title, String canonical, List<BodyMention> mentions) {
        Set<String> names = new LinkedHashSet<>();
        names.add(canonical);
        for (BodyMention mention : mentions) {
            names.add(mention.text());
        }
        for (String name : names) {
            if (SalienceScorer.titleNames(title, name)) {
                return true;
            }
        }
        return false;
    }

    /** The JVM-wide stock CRF, for the baseline of {@link NerEvaluation}. */
    static CrfSequenceLabeler sharedCrf() {
        return SharedResources.crf();
    }

    /** Loaded on first use, then shared by every tagger of the JVM. */
    private static final class SharedResources {
        static final EntityAliases ALIASES = EntityAliases.loadDefault();

        private static volatile CrfSequenceLabeler crf;

        static CrfSequenceLabeler crf() {
            CrfSequenceLabeler loaded = crf;
            if (loaded == null) {
                synchronized (SharedResources.class) {
                    loaded = crf;
                    if (loaded == null) {
                        loaded = CrfSequenceLabeler.loadFromClasspath();
                        crf = loaded;
                    }
                }
            }
            return loaded;
        }
    }
}
