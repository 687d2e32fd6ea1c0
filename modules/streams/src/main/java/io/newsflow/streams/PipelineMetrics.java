package io.newsflow.streams;

import java.util.function.IntSupplier;

import io.newsflow.streams.errors.DeadLetterCounter;

/**
 * What the pipeline reports about itself, for operators: records in and out, duplicates, boilerplate removed,
 * entities tagged, time per stage and end-to-end lag. The application supplies an implementation (Micrometer,
 * in newsflow's ops module); stages and handlers only call this interface. Implementations are thread-safe.
 */
public interface PipelineMetrics extends DeadLetterCounter {

    /** Key under which the instance travels in the Streams configuration to handlers created by class name. */
    String CONFIG_KEY = DeadLetterCounter.CONFIG_KEY;

    void recordIn(String topic);

    void recordOut(String topic);

    /** @param kind EXACT or NEAR */
    void duplicate(String kind);

    void boilerplateRemoved(String reason, int characters);

    /** @param type PER, ORG, LOC or MISC */
    void entityTagged(String type);

    void stageTime(String stage, long nanos);

    /** From the article's fetchedAt to its emission on an output topic. */
    void endToEndLag(long millis);

    /**
     * Called once at start when the tagger has threads of its own: {@code articles} says, whenever asked, how
     * many articles were handed to them and are not tagged yet (staying high: the tagger is the bottleneck).
     */
    default void taggerBacklog(IntSupplier articles) {
    }

    PipelineMetrics NONE = new None();

    /** Records nothing; extend it to listen to a few of the calls only (as a benchmark does). */
    class None implements PipelineMetrics {
        @Override
        public void deadLettered(String stage, String errorType) {
        }

        @Override
        public void recordIn(String topic) {
        }

        @Override
        public void recordOut(String topic) {
        }

        @Override
        public void duplicate(String kind) {
        }

        @Override
        public void boilerplateRemoved(String reason, int characters) {
        }

        @Override
        public void entityTagged(String type) {
        }

        @Override
        public void stageTime(String stage, long nanos) {
        }

        @Override
        public void endToEndLag(long millis) {
        }
    }
}
