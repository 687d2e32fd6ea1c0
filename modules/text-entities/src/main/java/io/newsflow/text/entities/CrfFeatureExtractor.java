package io.newsflow.text.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The feature indices of the CoNLL 4-class CRF, found without spelling out most feature strings.
 *
 * <p>CoreNLP's {@code NERFeatureFactory} builds every feature of every position as a string (about 37 for
 * the node clique and 12 for the edge clique per token of this model) and looks each one up in the feature
 * index; that was 60 % of labelling. Most of them depend on one word alone (its character n-grams, the
 * word as current, previous, next or disjunctive neighbour, its distributional-similarity class) or on one
 * word shape, so their indices are looked up once per distinct word or shape and remembered, and so are those
 * of shape pairs and triples and of distsim-class pairs. Only the features that join a word with a neighbouring
 * word or shape (about five per token) are spelled out per position, into one reused character buffer that is
 * looked up without becoming a string.
 *
 * <p>Written for the feature flags of {@code english.conll.4class.distsim} (see {@link #forModel}); for
 * any other model there is no extractor and CoreNLP's own extraction runs. The result equals CoreNLP's
 * {@code documentToDataAndLabels} as a set of feature indices per position and clique (in another order:
 * CoreNLP's is a hash set's; the decoder only sums them).
 *
 * <p>CoreNLP collects each clique's features in a set. Here they are listed without a set: no two of this
 * model's templates can spell the same string (each ends in its own suffix, such as {@code -PW|C}, and none of
 * these suffixes ends another), so a repeat can only come from one template used several times at one
 * position: the n-grams (kept without repeats per word) and the four disjunctive neighbours on each side,
 * which are compared with each other.
 *
 * <p>Thread-safe: everything remembered is in concurrent maps (bounded: the words by {@code wordCapacity}, the
 * pairs and triples by twice that), everything else is per call.
 */
final class CrfFeatureExtractor {

    /** The model's title words, as NERFeatureFactory matches them for {@code useTitle}. */
    private static final Pattern TITLE = Pattern.compile("(?:Mr|Ms|Mrs|Dr|Miss|Sen|Judge|Sir)\\.?");

    private static final int DISJUNCTION_WIDTH = 4;
    /** How far occurrence patterns look for the same word, exclusive; they skip the two nearest neighbours. */
    private static final int OCCURRENCE_REACH = 150;
    private static final int OCCURRENCE_SKIP = 3;

    private final CompactFeatureIndex index;
    private final Function<String, String> wordFunction;
    private final Map<String, String> distSimLexicon;
    private final String unknownDistSim;
    private final boolean casedDistSim;
    private final boolean numberEquivalenceDistSim;
    private final int wordCapacity;

    private final ConcurrentHashMap<String, WordFeatures> words = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ShapeFeatures> shapes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DistSimClass> distSimClasses = new ConcurrentHashMap<>();
    /** Remembered pairs and triples of shapes and of distsim classes, bounded by {@link #combinationCapacity}. */
    private final AtomicInteger combinations = new AtomicInteger();
    private final int combinationCapacity;

    /** The padding token CoreNLP reads beyond both ends of the sequence. */
    private final WordFeatures padWord;
    private final ShapeFeatures padShape;
    private final ShapeFeatures padShapeValue;

    private final int classFeature;
    private final int noOccurrence;
    private final int nextOccurrence;
    private final int previousOccurrence;
    private final int previousSequence;

    private CrfFeatureExtractor(CompactFeatureIndex index, SeqClassifierFlags flags, Map<String, String> distSimLexicon,
            CoreLabel pad, int wordCapacity) {
        this.index = index;
        this.wordFunction = flags.wordFunction;
        this.distSimLexicon = distSimLexicon;
        this.unknownDistSim = flags.unknownWordDistSimClass;
        this.casedDistSim = flags.casedDistSim;
        this.numberEquivalenceDistSim = flags.numberEquivalenceDistSim;
        this.wordCapacity = wordCapacity;
        this.combinationCapacity = 2 * wordCapacity;
        FeatureName name = new FeatureName();
        this.classFeature = lookup(name, "###|C");
        this.noOccurrence = lookup(name, "NO-OCCURRENCE-PATTERN|C");
        this.nextOccurrence = lookup(name, "X-NEXT-OCCURRENCE-X|C");
        this.previousOccurrence = lookup(name, "X-PREV-OCCURRENCE-X|C");
        this.previousSequence = lookup(name, "PSEQ|CpC");
        // CoreNLP reads the pad's annotations with get (absent: "null") in some features and getString
        // (absent: "") in others; the pad is never the current token
        String padDistSim = pad.get(CoreAnnotations.DistSimAnnotation.class);
        this.padWord = new WordFeatures(this, normalise(pad.getString(CoreAnnotations.TextAnnotation.class)),
                String.valueOf(padDistSim), padDistSim == null ? "" : padDistSim, false);
        this.padShape = shapeFeatures(pad.getString(CoreAnnotations.ShapeAnnotation.class));
        this.padShapeValue = shapeFeatures(String.valueOf(pad.get(CoreAnnotations.ShapeAnnotation.class)));
    }

    /**
     * An extractor for a model with exactly these feature settings, or {@code null} when the model's
     * features are not the ones this class knows (then CoreNLP's extraction must run).
     *
     * @param flags the model's flags
     * @param distSimLexicon the model's word-to-class lexicon (NERFeatureFactory's)
     * @param pad the classifier's padding token
     * @param wordCapacity how many distinct words to remember; beyond, words are worked out each time
     */
    static CrfFeatureExtractor forModel(CompactFeatureIndex index, SeqClassifierFlags flags,
            Map<String, String> distSimLexicon, CoreLabel pad, int wordCapacity) {
        if (index == null || distSimLexicon == null || !hasConllFeatureFlags(flags)) {
            return null;
        }
        return new CrfFeatureExtractor(index, flags, distSimLexicon, pad, wordCapacity);
    }

    /**
     * Whether the flags ask for exactly the features this class extracts. The ones that are on must be on,
     * and a selection of the other feature flags must be off; the load-time comparison with CoreNLP's own
     * extraction ({@code ViterbiCrfClassifier}) covers the rest.
     */
    private static boolean hasConllFeatureFlags(SeqClassifierFlags f) {
        boolean on = f.useInternal && f.useExternal && f.useWord && f.usePrev && f.useNext && f.useDistSim
                && f.useTitle && f.useClassFeature && f.useNGrams && f.noMidNGrams && f.maxNGramLeng < 0
                && f.wordShape > WordShapeClassifier.NOWORDSHAPE && f.useTypeSeqs && f.useTypeSeqs2
                && f.useLastRealWord && f.useNextRealWord && f.useOccurrencePatterns && f.useDisjunctive
                && f.disjunctionWidth == DISJUNCTION_WIDTH && f.useSequences && f.usePrevSequences
                && f.useTypeySequences && f.maxLeft == 1 && f.slashHyphenTreatment == SeqClassifierFlags.SlashHyphenEnum.NONE;
        boolean off = !(f.useReverse || f.useBagOfWords || f.useMoreTags || f.use2W || f.useLC || f.useUnknown
                || f.useLemmas || f.usePrevNextLemmas || f.checkNameList || f.binnedLengths != null || f.useTags
                || f.useABGENE || f.useABSTR || f.useGENIA || f.useWEB || f.useIsURL || f.useEntityTypes
                || f.usePosition || f.useBeginSent || f.useOrdinal || f.useEitherSideWord || f.useWordPairs
                || f.useSymTags || f.useSymWordPairs || f.useGazFeatures || f.useMoreGazFeatures || f.useAbbr
                || f.useAbbr1 || f.useMinimalAbbr || f.useMinimalAbbr1 || f.useChunks || f.usePrevVB || f.useNextVB
                || f.useVB || f.useShapeConjunctions || f.useWordTag || f.useNPHead || f.useNPGovernor
                || f.useHeadGov || f.useFirstWord || f.lowercaseNGrams || f.dehyphenateNGrams || f.greekifyNGrams
                || f.conjoinShapeNGrams || f.useGazettes || f.useShapeStrings || f.useUndirectedDisjunctive
                || f.useWideDisjunctive || f.useEitherSideDisjunctive || f.useDisjShape || f.useDisjunctiveShapeInteraction
                || f.useExtraTaggySequences || f.useMUCFeatures || f.twoStage || f.useIfInteger
                || f.useGenericFeatures || f.useTopics || f.useWordnetFeatures || f.useProtoFeatures
                || f.usePhraseWordTags || f.usePhraseWords || f.useCommonWordsFeature || f.useRadical
                || f.useMoreNeighborNGrams || f.useNeighborNGrams || f.noEdgeFeature || f.transitionEdgeOnly
                || f.strictGoodCoNLL || f.useTypeSeqs3 || f.useYetMoreCpCShapes || f.useTaggySequences
                || f.useParenMatching || f.useEntityTypeSequences || f.useURLSequences || f.useChunkySequences
                || f.useNextSequences || f.useEmbedding)
                && (f.splitWordRegex == null || f.splitWordRegex.isEmpty());
        return on && off;
    }

    /**
     * Whether this document carries none of the annotations that change these features (part-of-speech
     * tags, distributional classes already set, stacked NER tags, a domain): tokens from
     * {@code classifySentence} on plain words never do.
     */
    boolean accepts(List<CoreLabel> document) {
        if (!document.isEmpty() && document.get(0).containsKey(CoreAnnotations.DomainAnnotation.class)) {
            return false;
        }
        for (CoreLabel token : document) {
            if (token.containsKey(CoreAnnotations.PartOfSpeechAnnotation.class)
                    || token.containsKey(CoreAnnotations.DistSimAnnotation.class)
                    || token.containsKey(CoreAnnotations.StackedNamedEntityTagAnnotation.class)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per position, the feature indices of the node clique [0] and the edge clique [1], each without repeats:
     * the same sets as {@code CRFClassifier.documentToDataAndLabels} returns.
     */
    int[][][] extract(List<CoreLabel> document) {
        int length = document.size();
        WordFeatures[] word = new WordFeatures[length];
        ShapeFeatures[] shape = new ShapeFeatures[length];
        ShapeFeatures[] shapeValue = new ShapeFeatures[length];
        for (int i = 0; i < length; i++) {
            CoreLabel token = document.get(i);
            word[i] = wordFeatures(token.getString(CoreAnnotations.TextAnnotation.class));
            String value = token.get(CoreAnnotations.ShapeAnnotation.class);
            shape[i] = shapeFeatures(value == null ? "" : value);
            shapeValue[i] = value == null ? shapeFeatures("null") : shape[i];
        }
        Sequence sequence = new Sequence(word, shape, shapeValue);
        int[] occurrences = occurrencePatterns(word);
        int[][][] features = new int[length][2][];
        FeatureSet out = new FeatureSet();
        FeatureName name = new FeatureName();
        for (int loc = 0; loc < length; loc++) {
            // both cliques read the previous and current shapes' pair
            ShapePair previousAndCurrent = shapePair(sequence.shape(loc - 1), sequence.shape(loc), name);
            nodeFeatures(sequence, loc, previousAndCurrent, occurrences[loc], out, name);
            features[loc][0] = out.drain();
            edgeFeatures(sequence, loc, previousAndCurrent, out, name);
            features[loc][1] = out.drain();
        }
        return features;
    }

    /** NERFeatureFactory.featuresC for this model, in its order. */
    private void nodeFeatures(Sequence s, int loc, ShapePair previousAndCurrent, int occurrence, FeatureSet out,
            FeatureName name) {
        WordFeatures c = s.word(loc);
        WordFeatures p = s.word(loc - 1);
        WordFeatures n = s.word(loc + 1);
        ShapeFeatures cShapeFeatures = s.shape(loc);
        ShapeFeatures pShapeFeatures = s.shape(loc - 1);
        ShapeFeatures nShapeFeatures = s.shape(loc + 1);
        String cShape = cShapeFeatures.text;
        out.addAll(c.current);
        out.add(p.previous);
        out.add(p.previousDistSim);
        out.add(n.next);
        out.add(n.nextDistSim);
        out.add(classFeature);
        out.add(cShapeFeatures.type);
        out.add(pShapeFeatures.previousType);
        out.add(nShapeFeatures.nextType);
        out.add(lookup(name.append(p.word).append("...").append(cShape).append("-PW_CTYPE|C")));
        out.add(lookup(name.append(cShape).append("...").append(n.word).append("-NW_CTYPE|C")));
        out.add(previousAndCurrent.previousCurrentType);
        out.add(shapePair(cShapeFeatures, nShapeFeatures, name).currentNextType);
        out.add(previousAndCurrent.withNext(this, nShapeFeatures, name));
        if (p.word.length() <= 3) {
            out.add(lookup(name.append(s.word(loc - 2).word).append("...").append(cShape).append("-PPW_CTYPE|C")));
        }
        if (n.word.length() <= 3) {
            out.add(lookup(name.append(s.word(loc + 2).word).append("...").append(cShape).append("-NNW_CTYPE|C")));
        }
        switch (occurrence) {
            case NO_PATTERN -> out.add(noOccurrence);
            case NEXT -> out.add(nextOccurrence);
            case PREVIOUS -> out.add(previousOccurrence);
            case NEXT | PREVIOUS -> {
                out.add(nextOccurrence);
                out.add(previousOccurrence);
            }
            default -> {
                // the word qualifies but occurs nowhere else within reach: no feature
            }
        }
        // the same word twice among the four on one side is one feature
        int nextFrom = out.size();
        for (int i = 1; i <= DISJUNCTION_WIDTH; i++) {
            out.addIfAbsentFrom(nextFrom, s.word(loc + i).disjunctNext);
        }
        int previousFrom = out.size();
        for (int i = 1; i <= DISJUNCTION_WIDTH; i++) {
            out.addIfAbsentFrom(previousFrom, s.word(loc - i).disjunctPrevious);
        }
    }

    /** NERFeatureFactory.featuresCpC for this model (featuresCnC adds nothing without next sequences). */
    private void edgeFeatures(Sequence s, int loc, ShapePair previousAndCurrent, FeatureSet out, FeatureName name) {
        WordFeatures c = s.word(loc);
        WordFeatures p = s.word(loc - 1);
        ShapeFeatures cShape = s.shape(loc);
        ShapeFeatures pShape = s.shape(loc - 1);
        out.add(previousSequence);
        out.add(c.sequenceWord);
        out.add(lookup(name.append(p.word).append('-').append(c.word).append("-PSEQW2|CpC")));
        out.add(p.sequencePreviousWord);
        out.add(p.sequencePreviousDistSim);
        out.add(c.sequenceDistSim);
        out.add(p.distSimClass.followedBy(this, c.distSimClass, name));
        out.add(pShape.sequencePreviousShape);
        out.add(cShape.sequenceShape);
        out.add(previousAndCurrent.types);
        out.add(cShape.typeySequence);
        out.add(s.shapeValue(loc + 1).typeyNext);
    }

    private static final int NO_PATTERN = -1;
    private static final int NEXT = 1;
    private static final int PREVIOUS = 2;

    /**
     * NERFeatureFactory.occurrencePatterns for tokens without part-of-speech tags: a capitalised word
     * followed by a lower-case word with a letter, and preceded by a word with a letter, gets one feature
     * for each direction in which it occurs again 3 to 149 tokens away; every other token gets
     * NO-OCCURRENCE-PATTERN.
     *
     * @return per position {@link #NO_PATTERN}, or a mask of {@link #NEXT} and {@link #PREVIOUS}
     */
    private int[] occurrencePatterns(WordFeatures[] word) {
        int length = word.length;
        int[] pattern = new int[length];
        Map<String, List<Integer>> positions = null;
        for (int loc = 0; loc < length; loc++) {
            WordFeatures next = loc + 1 < length ? word[loc + 1] : padWord;
            boolean qualifies = loc > 0 && word[loc].nameCase && next.noUpperCase && next.hasLetter
                    && word[loc - 1].hasLetter;
            if (!qualifies) {
                pattern[loc] = NO_PATTERN;
                continue;
            }
            if (positions == null) {
                positions = new HashMap<>();
                for (int i = 0; i < length; i++) {
                    if (word[i].nameCase) {
                        positions.computeIfAbsent(word[i].word, w -> new ArrayList<>()).add(i);
                    }
                }
            }
            List<Integer> same = positions.get(word[loc].word);
            int mask = 0;
            if (anyWithin(same, loc + OCCURRENCE_SKIP, loc + OCCURRENCE_REACH - 1)) {
                mask |= NEXT;
            }
            if (anyWithin(same, loc - OCCURRENCE_REACH + 1, loc - OCCURRENCE_SKIP)) {
                mask |= PREVIOUS;
            }
            pattern[loc] = mask;
        }
        return pattern;
    }

    /** Whether the ascending positions hold one in [from, to]. */
    private static boolean anyWithin(List<Integer> ascending, int from, int to) {
        int low = 0;
        int high = ascending.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending.get(middle) < from) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < ascending.size() && ascending.get(low) <= to;
    }

    private WordFeatures wordFeatures(String text) {
        WordFeatures known = words.get(text);
        if (known != null) {
            return known;
        }
        String word = normalise(text);
        String distSim = lexiconClass(word);
        WordFeatures features = new WordFeatures(this, word, String.valueOf(distSim), distSim == null ? "" : distSim, true);
        if (words.size() < wordCapacity) {
            words.putIfAbsent(text, features);
        }
        return features;
    }

    private DistSimClass distSimClass(String text) {
        DistSimClass known = distSimClasses.get(text);
        return known != null ? known : distSimClasses.computeIfAbsent(text, DistSimClass::new);
    }

    /** The features of two shapes side by side, remembered while fewer than the bound are. */
    private ShapePair shapePair(ShapeFeatures first, ShapeFeatures second, FeatureName name) {
        ShapePair pair = first.followers.get(second);
        if (pair != null) {
            return pair;
        }
        pair = new ShapePair(this, first.text, second.text, name);
        if (combinations.get() < combinationCapacity && first.followers.putIfAbsent(second, pair) == null) {
            combinations.incrementAndGet();
        }
        return pair;
    }

    private ShapeFeatures shapeFeatures(String shape) {
        ShapeFeatures known = shapes.get(shape);
        if (known != null) {
            return known;
        }
        // shapes are few (a few thousand in years of news), so all are kept
        return shapes.computeIfAbsent(shape, s -> new ShapeFeatures(this, s));
    }

    /** FeatureFactory.getWord: the model's word function on the token's text. */
    private String normalise(String text) {
        return wordFunction == null ? text : wordFunction.apply(text);
    }

    /** NERFeatureFactory.distSimAnnotate for one word. */
    private String lexiconClass(String word) {
        String key = casedDistSim ? word : word.toLowerCase();
        if (numberEquivalenceDistSim) {
            key = WordShapeClassifier.wordShape(key, WordShapeClassifier.WORDSHAPEDIGITS);
        }
        String distSim = distSimLexicon.get(key);
        return distSim == null ? unknownDistSim : distSim;
    }

    /** The index of the feature spelled in {@code name}, which is then emptied for the next one. */
    private int lookup(FeatureName name) {
        int id = index.indexOf(name.chars, name.length);
        name.length = 0;
        return id;
    }

    private int lookup(FeatureName name, String feature) {
        return lookup(name.append(feature));
    }

    /** A feature name being spelled: a reusable character buffer, looked up without becoming a string. */
    private static final class FeatureName {
        private char[] chars = new char[64];
        private int length;

        FeatureName append(String text) {
            return append(text, 0, text.length());
        }

        FeatureName append(String text, int from, int to) {
            int grown = length + to - from;
            if (grown > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(grown, chars.length * 2));
            }
            text.getChars(from, to, chars, length);
            length = grown;
            return this;
        }

        FeatureName append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, length * 2);
            }
            chars[length++] = c;
            return this;
        }
    }

    /** The sequence's words and shapes, with the pad beyond both ends as CoreNLP's PaddedList gives it. */
    private final class Sequence {
        private final WordFeatures[] words;
        private final ShapeFeatures[] shapes;
        private final ShapeFeatures[] shapeValues;

        Sequence(WordFeatures[] words, ShapeFeatures[] shapes, ShapeFeatures[] shapeValues) {
            this.words = words;
            this.shapes = shapes;
            this.shapeValues = shapeValues;
        }

        WordFeatures word(int i) {
            return i >= 0 && i < words.length ? words[i] : padWord;
        }

        /** The shape as {@code getString} reads it. */
        ShapeFeatures shape(int i) {
            return i >= 0 && i < shapes.length ? shapes[i] : padShape;
        }

        /** The shape as {@code get} reads it and a builder appends it ("null" when absent). */
        ShapeFeatures shapeValue(int i) {
            return i >= 0 && i < shapeValues.length ? shapeValues[i] : padShapeValue;
        }
    }

    /** The indices of every feature that depends on one word alone (-1: the model has no such feature). */
    private static final class WordFeatures {
        final String word;
        /** The distributional class as CoreNLP's getString reads it ("" when absent). */
        final DistSimClass distSimClass;
        final boolean nameCase;
        final boolean noUpperCase;
        final boolean hasLetter;
        /** As the current token of the node clique: distsim class, title, word, character n-grams. */
        final int[] current;
        final int previous;
        final int previousDistSim;
        final int next;
        final int nextDistSim;
        final int disjunctNext;
        final int disjunctPrevious;
        final int sequenceWord;
        final int sequencePreviousWord;
        final int sequencePreviousDistSim;
        final int sequenceDistSim;

        /**
         * @param distSimValue the class as CoreNLP's get and a builder render it ("null" when absent)
         * @param asCurrent whether the word can be the current token (the pad cannot)
         */
        WordFeatures(CrfFeatureExtractor x, String word, String distSimValue, String distSimText, boolean asCurrent) {
            this.word = word;
            this.distSimClass = x.distSimClass(distSimText);
            this.nameCase = isNameCase(word);
            this.noUpperCase = noUpperCase(word);
            this.hasLetter = hasLetter(word);
            FeatureName name = new FeatureName();
            this.current = asCurrent ? x.currentWordFeatures(word, distSimValue, name) : new int[0];
            this.previous = x.lookup(name.append(word).append("-PW|C"));
            this.previousDistSim = x.lookup(name.append(distSimValue).append("-PDISTSIM|C"));
            this.next = x.lookup(name.append(word).append("-NW|C"));
            this.nextDistSim = x.lookup(name.append(distSimValue).append("-NDISTSIM|C"));
            this.disjunctNext = x.lookup(name.append(word).append("-DISJN|C"));
            this.disjunctPrevious = x.lookup(name.append(word).append("-DISJP|C"));
            this.sequenceWord = x.lookup(name.append(word).append("-PSEQW|CpC"));
            this.sequencePreviousWord = x.lookup(name.append(word).append("-PSEQpW|CpC"));
            this.sequencePreviousDistSim = x.lookup(name.append(distSimText).append("-PSEQpDS|CpC"));
            this.sequenceDistSim = x.lookup(name.append(distSimText).append("-PSEQcDS|CpC"));
        }
    }

    /** Distsim class, title, the word itself and its n-grams: the known ones, without repeats. */
    private int[] currentWordFeatures(String word, String distSimValue, FeatureName name) {
        FeatureSet out = new FeatureSet();
        out.add(lookup(name.append(distSimValue).append("-DISTSIM|C")));
        if (TITLE.matcher(word).matches()) {
            out.add(lookup(name, "IS_TITLE|C"));
        }
        out.add(lookup(name.append(word).append("-WORD|C")));
        // noMidNGrams, no length limit: every prefix and suffix of "<word>" of two characters or more
        String bracketed = '<' + word + '>';
        int length = bracketed.length();
        for (int end = 2; end <= length; end++) {
            out.add(lookup(name.append('#').append(bracketed, 0, end).append("#|C")));
        }
        for (int start = 0; start < length - 1; start++) {
            out.add(lookup(name.append('#').append(bracketed, start, length).append("#|C")));
        }
        return out.drainDistinct(); // "<word>" is both its longest prefix and its longest suffix
    }

    /** The indices of every feature that depends on one word shape alone. */
    private static final class ShapeFeatures {
        final String text;
        /** The pairs this shape begins, by the shape that follows it (identity keys). */
        final ConcurrentHashMap<ShapeFeatures, ShapePair> followers = new ConcurrentHashMap<>();
        final int type;
        final int previousType;
        final int nextType;
        final int sequencePreviousShape;
        final int sequenceShape;
        final int typeySequence;
        final int typeyNext;

        ShapeFeatures(CrfFeatureExtractor x, String shape) {
            this.text = shape;
            FeatureName name = new FeatureName();
            this.type = x.lookup(name.append(shape).append("-TYPE|C"));
            this.previousType = x.lookup(name.append(shape).append("-PTYPE|C"));
            this.nextType = x.lookup(name.append(shape).append("-NTYPE|C"));
            this.sequencePreviousShape = x.lookup(name.append(shape).append("-PSEQpS|CpC"));
            this.sequenceShape = x.lookup(name.append(shape).append("-PSEQcS|CpC"));
            this.typeySequence = x.lookup(name.append(shape).append("-TPS2|CpC"));
            this.typeyNext = x.lookup(name.append(shape).append("-TNS1|CpC"));
        }
    }

    /** The indices of the features of two shapes side by side, and of the triples they begin. */
    private static final class ShapePair {
        final String first;
        final String second;
        /** first...second-PCTYPE: previous and current shape. */
        final int previousCurrentType;
        /** first...second-CNTYPE: current and next shape. */
        final int currentNextType;
        /** first-second-TYPES, of the edge clique: previous and current shape. */
        final int types;
        /** first...second...third-PCNTYPE, by the third shape. */
        final ConcurrentHashMap<ShapeFeatures, Integer> thirds = new ConcurrentHashMap<>();

        ShapePair(CrfFeatureExtractor x, String first, String second, FeatureName name) {
            this.first = first;
            this.second = second;
            this.previousCurrentType = x.lookup(name.append(first).append("...").append(second).append("-PCTYPE|C"));
            this.currentNextType = x.lookup(name.append(first).append("...").append(second).append("-CNTYPE|C"));
            this.types = x.lookup(name.append(first).append('-').append(second).append("-TYPES|CpC"));
        }

        int withNext(CrfFeatureExtractor x, ShapeFeatures third, FeatureName name) {
            Integer known = thirds.get(third);
            if (known != null) {
                return known;
            }
            int id = x.lookup(name.append(first).append("...").append(second).append("...").append(third.text)
                    .append("-PCNTYPE|C"));
            if (x.combinations.get() < x.combinationCapacity && thirds.putIfAbsent(third, id) == null) {
                x.combinations.incrementAndGet();
            }
            return id;
        }
    }

    /** A distributional-similarity class (as getString reads it) and the pairs it begins. */
    private static final class DistSimClass {
        final String text;
        final ConcurrentHashMap<DistSimClass, Integer> followers = new ConcurrentHashMap<>();

        DistSimClass(String text) {
            this.text = text;
        }

        /** previous-current-PSEQpcDS, of the edge clique, with this class as the previous token's. */
        int followedBy(CrfFeatureExtractor x, DistSimClass next, FeatureName name) {
            Integer known = followers.get(next);
            if (known != null) {
                return known;
            }
            int id = x.lookup(name.append(text).append('-').append(next.text).append("-PSEQpcDS|CpC"));
            if (x.combinations.get() < x.combinationCapacity && followers.putIfAbsent(next, id) == null) {
                x.combinations.incrementAndGet();
            }
            return id;
        }
    }

    /** Feature indices collected for one clique; misses (-1) are left out, as CoreNLP drops them. */
    private static final class FeatureSet {
        private int[] ids = new int[64];
        private int size;

        int size() {
            return size;
        }

        void add(int id) {
            if (id < 0) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        void addAll(int[] more) {
            for (int id : more) {
                add(id);
            }
        }

        /** Adds the index unless it is already among those added since position {@code from}. */
        void addIfAbsentFrom(int from, int id) {
            for (int i = from; i < size; i++) {
                if (ids[i] == id) {
                    return;
                }
            }
            add(id);
        }

        /** The indices collected, and empties the set. */
        int[] drain() {
            int[] drained = Arrays.copyOf(ids, size);
            size = 0;
            return drained;
        }

        /** The distinct indices collected, ascending, and empties the set. */
        int[] drainDistinct() {
            Arrays.sort(ids, 0, size);
            int unique = 0;
            for (int i = 0; i < size; i++) {
                if (unique == 0 || ids[unique - 1] != ids[i]) {
                    ids[unique++] = ids[i];
                }
            }
            size = unique;
            return drain();
        }
    }

    // NERFeatureFactory's word tests, as it defines them

    private static boolean isNameCase(String word) {
        return word.length() >= 2 && (Character.isUpperCase(word.charAt(0)) || Character.isTitleCase(word.charAt(0)))
                && noUpperCaseFrom(word, 1);
    }

    private static boolean noUpperCase(String word) {
        return !word.isEmpty() && noUpperCaseFrom(word, 0);
    }

    private static boolean noUpperCaseFrom(String word, int from) {
        for (int i = from; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
