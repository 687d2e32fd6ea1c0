package io.newsflow.text.entities;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.process.AmericanizeFunction;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.Triple;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford's CRF classifier with faster feature extraction and without the clique-tree calibration.
 *
 * <p>{@code classifySentence} still does all of CoreNLP's input preparation (token normalisation, word
 * shapes, the known lower-case words); only {@link #classify} changes: the features come from
 * {@link CrfFeatureExtractor} (checked against CoreNLP's own extraction when the model loads) and are decoded
 * with {@link CrfViterbiDecoder} instead of calibrating a clique tree and running Viterbi over its marginals.
 * Its feature index is a {@link CompactFeatureIndex}. The model's word function, when it is CoreNLP's pure Americanize (a dozen regular
 * expressions per token), answers from a {@link CachedWordFunction}. Labels are the same; the
 * per-token label probabilities ({@code AnswerProbAnnotation}) that the stock path also writes are not
 * computed, since nothing here reads them.
 *
 * <p>When the loaded model is not a plain first-order linear CRF decoded by Viterbi, the decoder is not
 * built and every call goes to CoreNLP's own path; when its features are not the CoNLL model's, they come
 * from CoreNLP's feature factory.
 */
final class ViterbiCrfClassifier extends CRFClassifier<CoreLabel> {

    private static final Logger log = LoggerFactory.getLogger(ViterbiCrfClassifier.class);

    /**
     * Distinct words whose normalised form, and whose feature indices, are kept: the first 50,000 words seen
     * (the frequent ones come early), about 12 MB for both caches when full (234 bytes a word, measured).
     */
    private static final int WORD_CACHE_SIZE = 50_000;

    /**
     * Checked at load: the extractor must give CoreNLP's feature sets on these (written for this check:
     * titles, repeated names for the occurrence patterns, short words, hyphens, digits, capitals, accents).
     */
    private static final List<String> EXTRACTOR_CHECK = List.of(
            "Mr. Harland , the chairman of Harland Freight Ltd , said on Friday in Gdansk that Harland would "
                    + "bid for the 2026 contract , and Ms Marchetti-Laurent agreed .",
            "SHIPPING - VELDHOVEN WINS IN ROTTERDAM 3-0 ON SUNDAY",
            "the U.N. Security Council met in Brussels ; Zoë Kraus of Dr Kraus & Co. told Reuters it was so .",
            "a",
            "Kraus and Wilk met Kraus again , as Wilk said to Kraus : \" Wilk is here \" , 412 pence ( 3.2 % ) .");

    private CrfViterbiDecoder decoder;
    /** The feature index once swapped for the compact one, else null. */
    private CompactFeatureIndex compactIndex;
    private CrfFeatureExtractor extractor;
    /** Set only while the load-time check (or a test) compares the extractor with CoreNLP's features. */
    private volatile FeatureCheck featureCheck;

    private ViterbiCrfClassifier() {
        // the model's flags, weights and indices come from loadClassifier, as in CRFClassifier.getClassifier
    }

    /** Reads a serialized CRF (uncompressed stream) and prepares the decoder. */
    static ViterbiCrfClassifier load(InputStream model) throws IOException, ClassNotFoundException {
        ViterbiCrfClassifier crf = new ViterbiCrfClassifier();
        crf.loadClassifier(model);
        crf.prepareDirectDecoding();
        crf.compactFeatureIndex();
        if (crf.flags.wordFunction instanceof AmericanizeFunction) {
            // a pure function of the word, applied to every token of every article: remember its answers
            crf.flags.wordFunction = new CachedWordFunction(crf.flags.wordFunction, WORD_CACHE_SIZE);
        }
        crf.prepareFeatureExtractor();
        return crf;
    }

    /** Whether features come from {@link CrfFeatureExtractor} rather than CoreNLP's feature factory. */
    boolean extractsFeaturesDirectly() {
        return extractor != null;
    }

    /**
     * Labels the words as {@code classifySentence} does, and says whether the extractor's feature sets
     * equal CoreNLP's at every position (true when there is no extractor to compare). Not for concurrent use.
     */
    boolean extractorAgreesOn(List<String> words) {
        FeatureCheck check = new FeatureCheck();
        featureCheck = check;
        try {
            List<HasWord> sentence = new ArrayList<>(words.size());
            for (String word : words) {
                sentence.add(new Word(word));
            }
            classifySentence(sentence);
        } finally {
            featureCheck = null;
        }
        return check.agreed;
    }

    /** Whether labelling skips the calibration (false: the model needs CoreNLP's own path). */
    boolean decodesDirectly() {
        return decoder != null;
    }

    @Override
    public List<CoreLabel> classify(List<CoreLabel> document) {
        if (decoder == null || document.isEmpty()) {
            return super.classify(document);
        }
        int[][][] features = extractor != null && extractor.accepts(document) ? extractor.extract(document) : null;
        double[][][] values = null;
        FeatureCheck check = featureCheck;
        if (features == null || check != null) {
            Triple<int[][][], int[], double[][][]> data = documentToDataAndLabels(document);
            if (check != null && features != null) {
                check.compare(features, data.first());
            }
            features = data.first();
            values = data.third();
        }
        int[] best = decoder.bestSequence(features, values);
        for (int i = 0; i < best.length; i++) {
            document.get(i).set(CoreAnnotations.AnswerAnnotation.class, classIndex.get(best[i]));
        }
        return document;
    }

    /** Builds the decoder, or leaves it unset when the model needs CoreNLP's path. */
    private void prepareDirectDecoding() {
        String unsupported = unsupportedSetting();
        if (unsupported != null) {
            log.warn("NER model uses {}: labelling through CoreNLP's clique tree (slower, same labels)", unsupported);
            return;
        }
        try {
            List<Index<CRFLabel>> labelIndices = labelIndices();
            decoder = new CrfViterbiDecoder(getCliquePotentialFunctionForTest(), classIndex.size(),
                    classIndex.indexOf(flags.backgroundSymbol), configurations(labelIndices.get(0)),
                    configurations(labelIndices.get(1)));
        } catch (IllegalStateException e) {
            log.warn("Labelling through CoreNLP's clique tree (slower, same labels)", e);
        }
    }

    /** The first setting that makes CoreNLP decode differently from a plain Viterbi, or {@code null}. */
    private String unsupportedSetting() {
        if (flags.doGibbs) {
            return "Gibbs sampling";
        }
        if (!"maxent".equalsIgnoreCase(flags.crfType)) {
            return "crfType " + flags.crfType;
        }
        if (flags.inferenceType != null && !"Viterbi".equalsIgnoreCase(flags.inferenceType)) {
            return "inference " + flags.inferenceType;
        }
        if (flags.useReverse) {
            return "reversed sequences";
        }
        if (flags.labelDictionaryCutoff > 0) {
            return "a label dictionary";
        }
        if (windowSize != 2) {
            return "clique window " + windowSize;
        }
        if (classIndex.indexOf(flags.backgroundSymbol) < 0) {
            return "no background label";
        }
        return null;
    }

    /**
     * Swaps the feature index for a {@link CompactFeatureIndex} holding the same entries (a third of the
     * labelling time went to feature lookups in the original). CRFClassifier keeps it in a package-private
     * field; when that is not writable, the original stays.
     */
    @SuppressWarnings("unchecked")
    private void compactFeatureIndex() {
        try {
            Field field = crfField("featureIndex");
            CompactFeatureIndex compact = CompactFeatureIndex.of((Index<String>) field.get(this));
            if (compact != null) {
                field.set(this, compact);
                compactIndex = compact;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Feature lookups through CoreNLP's own index (slower, same labels)", e);
        }
    }

    /**
     * Sets up the direct feature extractor when the model's features are the ones it knows, the feature
     * index is the compact one and the distributional-similarity lexicon is readable; then checks it against
     * CoreNLP's extraction on a few sentences and keeps it only if they agree.
     */
    @SuppressWarnings("unchecked")
    private void prepareFeatureExtractor() {
        if (decoder == null || compactIndex == null || featureFactories.size() != 1
                || featureFactories.get(0).getClass() != NERFeatureFactory.class) {
            return;
        }
        try {
            Field lexicon = NERFeatureFactory.class.getDeclaredField("lexicon");
            lexicon.setAccessible(true);
            extractor = CrfFeatureExtractor.forModel(compactIndex, flags,
                    (Map<String, String>) lexicon.get(featureFactories.get(0)), pad, WORD_CACHE_SIZE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Features through CoreNLP's feature factory (slower, same labels)", e);
            return;
        }
        if (extractor == null) {
            log.info("NER model's feature flags differ from the CoNLL model's: features through CoreNLP's factory");
            return;
        }
        for (String sentence : EXTRACTOR_CHECK) {
            if (!extractorAgreesOn(Arrays.asList(sentence.split(" ")))) {
                log.warn("Direct feature extraction differs from CoreNLP's on \"{}\": features through CoreNLP's factory",
                        sentence);
                extractor = null;
                return;
            }
        }
    }

    /** Compares the extractor's feature sets with CoreNLP's, position by position and clique by clique. */
    private static final class FeatureCheck {
        private volatile boolean agreed = true;

        void compare(int[][][] extracted, int[][][] coreNlp) {
            if (extracted.length != coreNlp.length) {
                agreed = false;
                return;
            }
            for (int i = 0; i < coreNlp.length; i++) {
                for (int clique = 0; clique < coreNlp[i].length; clique++) {
                    int[] expected = coreNlp[i][clique].clone();
                    int[] actual = extracted[i][clique].clone();
                    Arrays.sort(expected);
                    Arrays.sort(actual); // a repeat in either would make them differ
                    if (!Arrays.equals(expected, actual)) {
                        agreed = false;
                        return;
                    }
                }
            }
        }
    }

    /**
     * The label configuration behind each weight column, per clique size. CRFClassifier keeps them in a
     * package-private field and has no accessor; the model was just loaded, so they are complete.
     */
    @SuppressWarnings("unchecked")
    private List<Index<CRFLabel>> labelIndices() {
        try {
            return (List<Index<CRFLabel>>) crfField("labelIndices").get(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("CoreNLP's CRFClassifier.labelIndices is not readable", e);
        }
    }

    /** A package-private field of CRFClassifier, made accessible. */
    private static Field crfField(String name) throws ReflectiveOperationException {
        Field field = CRFClassifier.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static int[][] configurations(Index<CRFLabel> labels) {
        int[][] configurations = new int[labels.size()][];
        for (int k = 0; k < configurations.length; k++) {
            configurations[k] = labels.get(k).getLabel();
        }
        return configurations;
    }
}
