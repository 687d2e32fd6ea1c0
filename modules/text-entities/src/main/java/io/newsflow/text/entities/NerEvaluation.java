package io.newsflow.text.entities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the entity tagger on CoNLL-annotated news, one document at a time so that document-level
 * consistency works as it does on a real article.
 *
 * <p>Each document becomes text (tokens joined with spaces, sentences with newlines); the tagger's
 * mentions are mapped back to the gold tokens they overlap. The baseline is the stock CRF fed the gold
 * tokens sentence by sentence via {@code classifySentence}, with adjacent same-type tokens as one entity.
 */
public final class NerEvaluation {

    private final EntityTagger tagger;

    public NerEvaluation(EntityTagger tagger) {
        this.tagger = tagger;
    }

    /**
     * The report behind {@code newsflow eval-ner --conll FILE [--baseline]}: the baseline table first when
     * asked for, then the tagger's; the last line is the tagger's {@code F1 0.xxxx}.
     */
    public static String run(Path conllFile, boolean withBaseline) throws IOException {
        List<ConllDocument> documents = ConllReader.read(conllFile);
        StringBuilder report = new StringBuilder();
        if (withBaseline) {
            report.append(baseline(documents).report("Stock CRF (classifySentence on gold tokens), "
                    + documents.size() + " documents")).append("\n\n");
        }
        EntityTagger tagger = EntityTagger.create();
        report.append(new NerEvaluation(tagger).score(documents).report("newsflow EntityTagger "
                + EntityTagger.DEFAULT_STEPS + ", " + documents.size() + " documents"));
        return report.toString();
    }

    /** Tags every document with the tagger and scores it against the gold tags. */
    public NerScore score(List<ConllDocument> documents) {
        NerScore score = new NerScore();
        for (ConllDocument document : documents) {
            score.add(gold(document), predicted(document));
        }
        return score;
    }

    /** The stock CRF on the gold tokens of every sentence. */
    public static NerScore baseline(List<ConllDocument> documents) {
        CrfSequenceLabeler crf = EntityTagger.sharedCrf();
        NerScore score = new NerScore();
        for (ConllDocument document : documents) {
            List<ConllChunk> predicted = new ArrayList<>();
            List<ConllSentence> sentences = document.sentences();
            for (int s = 0; s < sentences.size(); s++) {
                EntityType[] labels = crf.label(sentences.get(s).words());
                List<String> tags = new ArrayList<>(labels.length);
                for (EntityType label : labels) {
                    tags.add(label == null ? "O" : label.name());
                }
                predicted.addAll(ConllChunk.fromTags(s, tags));
            }
            score.add(gold(document), predicted);
        }
        return score;
    }

    static List<ConllChunk> gold(ConllDocument document) {
        List<ConllChunk> gold = new ArrayList<>();
        for (int s = 0; s < document.sentences().size(); s++) {
            gold.addAll(ConllChunk.fromTags(s, document.sentences().get(s).tags()));
        }
        return gold;
    }

    List<ConllChunk> predicted(ConllDocument document) {
        StringBuilder text = new StringBuilder();
        List<int[]> tokenSpans = new ArrayList<>(); // {sentence, token, start, end}
        List<ConllSentence> sentences = document.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                text.append('\n');
            }
            List<String> words = sentences.get(s).words();
            for (int t = 0; t < words.size(); t++) {
                if (t > 0) {
                    text.append(' ');
                }
                tokenSpans.add(new int[] {s, t, text.length(), text.length() + words.get(t).length()});
                text.append(words.get(t));
            }
        }
        List<ConllChunk> predicted = new ArrayList<>();
        for (TaggedEntity entity : tagger.tag("", text.toString())) {
            for (EntityMention mention : entity.mentions()) {
                ConllChunk chunk = toChunk(mention, entity.type(), tokenSpans);
                if (chunk != null) {
                    predicted.add(chunk);
                }
            }
        }
        return predicted;
    }

    /** The gold tokens a mention overlaps, as one chunk; mentions never cross lines, hence sentences. */
    private static ConllChunk toChunk(EntityMention mention, EntityType type, List<int[]> tokenSpans) {
        int first = -1;
        int last = -1;
        int lo = 0;
        int hi = tokenSpans.size() - 1;
        while (lo < hi) { // first token ending after the mention start
            int mid = (lo + hi) >>> 1;
            if (tokenSpans.get(mid)[3] <= mention.start()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < tokenSpans.size() && tokenSpans.get(i)[2] < mention.end(); i++) {
            if (first < 0) {
                first = i;
            }
            last = i;
        }
        if (first < 0 || tokenSpans.get(first)[0] != tokenSpans.get(last)[0]) {
            return null;
        }
        return new ConllChunk(tokenSpans.get(first)[0], tokenSpans.get(first)[1], tokenSpans.get(last)[1] + 1, type);
    }
}
