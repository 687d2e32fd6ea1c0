package io.newsflow.streams.errors;

/**
 * Counts dead letters by stage and error type. The application passes its instance to the exception handlers
 * (which Kafka Streams creates by class name) under {@link #CONFIG_KEY} in the streams configuration.
 */
@FunctionalInterface
public interface DeadLetterCounter {

    String CONFIG_KEY = "newsflow.dead-letter.counter";

    void deadLettered(String stage, String errorType);

    DeadLetterCounter NONE = (stage, errorType) -> { };
}
