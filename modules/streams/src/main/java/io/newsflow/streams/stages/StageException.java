package io.newsflow.streams.stages;

/**
 * A record a stage cannot process, with a reason a person can act on. Thrown inside a processor, it is turned
 * by {@link io.newsflow.streams.errors.DeadLetterProcessingHandler} into a dead letter carrying the record's
 * original bytes; the application keeps running.
 */
public class StageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String stage;

    public StageException(String stage, String reason) {
        super(reason);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
