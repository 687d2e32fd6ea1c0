package io.newsflow.text.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AmericanizeFunction;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.Triple;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford's CRF classifier with the clique-tree calibration taken out of labelling.
 *
 * <p>{@code classifySentence} still does all of CoreNLP's input preparation (token normalisation, word
 * shapes, the known lower-case words) and feature extraction; only {@link #classify} changes, decoding
 * the features with {@link CrfViterbiDecoder} instead of calibrating a clique tree and running Viterbi over
 * its marginals. The model's word function, when it is CoreNLP's pure Americanize (a dozen regular
 * expressions per token), answers from a {@link CachedWordFunction}. Labels are the same; the
 * per-token label probabilities ({@code AnswerProbAnnotation}) that the stock path also writes are not
 * computed, since nothing here reads them.
 *
 * <p>When the loaded model is not a plain first-order linear CRF decoded by Viterbi, the decoder is not
 * built and every call goes to CoreNLP's own path.
 */
final class ViterbiCrfClassifier extends CRFClassifier<CoreLabel> {

    private static final Logger log = LoggerFactory.getLogger(ViterbiCrfClassifier.class);

    /** Distinct words whose normalised form is kept: a few MB, more than a year of news vocabulary needs. */
    private static final int WORD_FUNCTION_CACHE_SIZE = 200_000;

    private CrfViterbiDecoder decoder;

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
            crf.flags.wordFunction = new CachedWordFunction(crf.flags.wordFunction, WORD_FUNCTION_CACHE_SIZE);
        }
        return crf;
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
        Triple<int[][][], int[], double[][][]> data = documentToDataAndLabels(document);
        int[] best = decoder.bestSequence(data.first(), data.third());
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
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Feature lookups through CoreNLP's own index (slower, same labels)", e);
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
