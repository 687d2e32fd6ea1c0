package io.newsflow.text.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Throughput harness for CoreNLP's own pipeline as the issue's 48 articles/s figure was measured:
 * {@code tokenize,ssplit,ner} with only the CoNLL 4-class CRF, statistical NER only (no SUTime, numeric or
 * fine-grained classifiers, no entity mentions), one thread, on the same 800-token text as
 * {@link EntityTaggerThroughput}. Not a test: timings are never asserted.
 *
 * <p>Run: {@code java -cp <test classpath> io.newsflow.text.entities.CoreNlpPipelineThroughput [seconds]}
 */
public final class CoreNlpPipelineThroughput {

    private CoreNlpPipelineThroughput() {
    }

    static Properties issueSettings() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,ner");
        props.setProperty("ner.model", CrfSequenceLabeler.MODEL_RESOURCE);
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.statisticalOnly", "true");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("ner.nthreads", "1");
        return props;
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20.0;
        ThroughputArticle article = ThroughputArticle.seed();

        long loadStart = System.nanoTime();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(issueSettings());
        for (int i = 0; i < 50; i++) {
            pipeline.annotate(new Annotation(article.body()));
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        // what the pipeline made of the text, so that a misconfigured pipeline cannot pass for a fast one
        Annotation sample = new Annotation(article.body());
        pipeline.annotate(sample);
        List<CoreLabel> tokens = sample.get(CoreAnnotations.TokensAnnotation.class);
        long named = tokens.stream().filter(t -> !"O".equals(t.ner())).count();
        System.out.printf(Locale.ROOT, "pipeline: %d tokens, %d sentences, %d tokens in entities%n", tokens.size(),
                sample.get(CoreAnnotations.SentencesAnnotation.class).size(), named);
        EntityTaggerThroughput.timeAndReport("CoreNLP pipeline tokenize,ssplit,ner", loadSeconds, article.tokens(),
                seconds, () -> pipeline.annotate(new Annotation(article.body())));
    }
}
