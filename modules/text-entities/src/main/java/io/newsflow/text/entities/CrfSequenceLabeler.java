package io.newsflow.text.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.Word;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford's CoNLL-2003 4-class CRF over one token sequence: a sentence, or a whole article.
 *
 * <p>Goes through {@code classifySentence}, which runs the model's own input preparation; calling
 * {@code classify} on raw labels skips it and loses about a third of F1. The default labeler decodes with
 * {@link ViterbiCrfClassifier} (Viterbi on the clique potentials, no calibration); the stock one runs
 * CoreNLP's decoding unchanged and stays for the tests that prove both give the same labels.
 * Classification keeps no state between calls (the known-lower-case-word set it may grow is a concurrent
 * set), so one instance serves all threads.
 */
final class CrfSequenceLabeler {

    static final String MODEL_RESOURCE = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private static final Logger log = LoggerFactory.getLogger(CrfSequenceLabeler.class);

    private final CRFClassifier<CoreLabel> classifier;

    private CrfSequenceLabeler(CRFClassifier<CoreLabel> classifier) {
        this.classifier = classifier;
    }

    /** Loads the model shipped on the classpath (about a second, 18 MB compressed), decoding directly. */
    static CrfSequenceLabeler loadFromClasspath() {
        return load(ViterbiCrfClassifier::load);
    }

    /** The same model decoded by CoreNLP's own clique tree and Viterbi: the reference for the fast path. */
    static CrfSequenceLabeler loadStockFromClasspath() {
        return load(CRFClassifier::getClassifier);
    }

    private static CrfSequenceLabeler load(ModelReader reader) {
        long started = System.nanoTime();
        ClassLoader loader = CrfSequenceLabeler.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(MODEL_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("NER model not on the classpath: " + MODEL_RESOURCE);
            }
            CRFClassifier<CoreLabel> crf = reader.read(new GZIPInputStream(new BufferedInputStream(raw, 1 << 16)));
            log.info("Loaded NER model {} in {} ms ({})", MODEL_RESOURCE, (System.nanoTime() - started) / 1_000_000,
                    crf instanceof ViterbiCrfClassifier ? "direct Viterbi" : "CoreNLP clique tree");
            return new CrfSequenceLabeler(crf);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read NER model " + MODEL_RESOURCE, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("NER model does not match the CoreNLP version", e);
        }
    }

    /** Whether labels come from the direct decoder rather than CoreNLP's clique tree. */
    boolean decodesDirectly() {
        return classifier instanceof ViterbiCrfClassifier && ((ViterbiCrfClassifier) classifier).decodesDirectly();
    }

    /** Whether features come from the direct extractor rather than CoreNLP's feature factory. */
    boolean extractsFeaturesDirectly() {
        return classifier instanceof ViterbiCrfClassifier && ((ViterbiCrfClassifier) classifier).extractsFeaturesDirectly();
    }

    /** One label per word, {@code null} for words outside any entity. */
    EntityType[] label(List<String> words) {
        List<HasWord> sentence = new ArrayList<>(words.size());
        for (String word : words) {
            sentence.add(new Word(word));
        }
        List<CoreLabel> answers = classifier.classifySentence(sentence);
        if (answers.size() != words.size()) {
            throw new IllegalStateException("CRF returned " + answers.size() + " labels for " + words.size() + " words");
        }
        EntityType[] labels = new EntityType[words.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = EntityType.fromLabel(answers.get(i).get(CoreAnnotations.AnswerAnnotation.class)).orElse(null);
        }
        return labels;
    }

    /** How a serialized model becomes a classifier. */
    @FunctionalInterface
    private interface ModelReader {
        CRFClassifier<CoreLabel> read(InputStream model) throws IOException, ClassNotFoundException;
    }
}
