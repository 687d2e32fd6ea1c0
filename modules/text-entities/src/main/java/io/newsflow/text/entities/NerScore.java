package io.newsflow.text.entities;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 as conlleval counts them: a predicted entity is correct only if
 * its span and its type both match a gold entity.
 */
public final class NerScore {

    private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

    private static final int GOLD = 0;
    private static final int PREDICTED = 1;
    private static final int CORRECT = 2;

    public NerScore() {
        for (EntityType type : EntityType.values()) {
            counts.put(type, new int[3]);
        }
    }

    /** Adds one document's (or sentence's) gold and predicted chunks. */
    public void add(Collection<ConllChunk> gold, Collection<ConllChunk> predicted) {
        Set<ConllChunk> goldSet = new HashSet<>(gold);
        for (ConllChunk chunk : gold) {
            counts.get(chunk.type())[GOLD]++;
        }
        for (ConllChunk chunk : new HashSet<>(predicted)) {
            counts.get(chunk.type())[PREDICTED]++;
            if (goldSet.contains(chunk)) {
                counts.get(chunk.type())[CORRECT]++;
            }
        }
    }

    public double precision(EntityType type) {
        int[] c = counts.get(type);
        return ratio(c[CORRECT], c[PREDICTED]);
    }

    public double recall(EntityType type) {
        int[] c = counts.get(type);
        return ratio(c[CORRECT], c[GOLD]);
    }

    public double f1(EntityType type) {
        return f1(precision(type), recall(type));
    }

    public double precision() {
        return ratio(total(CORRECT), total(PREDICTED));
    }

    public double recall() {
        return ratio(total(CORRECT), total(GOLD));
    }

    public double f1() {
        return f1(precision(), recall());
    }

    public int gold() {
        return total(GOLD);
    }

    public int predicted() {
        return total(PREDICTED);
    }

    public int correct() {
        return total(CORRECT);
    }

    /** A conlleval-like table; the last line is {@code F1 0.xxxx} for the overall score. */
    public String report(String heading) {
        StringBuilder report = new StringBuilder();
        report.append(heading).append('\n');
        report.append(String.format(Locale.ROOT, "gold %d predicted %d correct %d%n", gold(), predicted(), correct()));
        for (EntityType type : EntityType.values()) {
            report.append(String.format(Locale.ROOT, "%-4s P %.4f R %.4f F1 %.4f (gold %d, predicted %d)%n",
                    type, precision(type), recall(type), f1(type), counts.get(type)[GOLD], counts.get(type)[PREDICTED]));
        }
        report.append(String.format(Locale.ROOT, "ALL  P %.4f R %.4f%n", precision(), recall()));
        report.append(String.format(Locale.ROOT, "F1 %.4f", f1()));
        return report.toString();
    }

    private int total(int column) {
        int sum = 0;
        for (int[] c : counts.values()) {
            sum += c[column];
        }
        return sum;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}
