package io.newsflow.bench;

/**
 * Where the input records of a pipeline run ended up. Every input must land on exactly one output topic:
 * {@code accounted == expected} and {@code repeated == 0} under exactly-once. {@code copiesInCorpus} is how many
 * copies the corpus holds; {@code copiesEnrichedWithTheirOriginal} counts copies that reached the enriched topic
 * while their original did too (a missed duplicate).
 */
public record Accounting(int expected, int enriched, int duplicates, int deadLetters, int accounted, int repeated,
        int copiesInCorpus, int copiesEnrichedWithTheirOriginal) {

    public boolean complete() {
        return accounted == expected;
    }
}
