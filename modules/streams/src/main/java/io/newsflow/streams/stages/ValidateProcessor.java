package io.newsflow.streams.stages;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.newsflow.model.RawArticle;
import io.newsflow.streams.PipelineMetrics;

/**
 * Stage 1: rejects raw articles later stages cannot work with (see {@link ArticleValidation}); the rejection
 * reaches the dead-letter topic through the processing exception handler.
 */
public final class ValidateProcessor extends ContextualFixedKeyProcessor<String, RawArticle, RawArticle> {

    private final ArticleValidation validation;
    private final PipelineMetrics metrics;

    public ValidateProcessor(int maxBodyBytes, PipelineMetrics metrics) {
        this.validation = new ArticleValidation(maxBodyBytes);
        this.metrics = metrics;
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        context().recordMetadata().ifPresent(source -> metrics.recordIn(source.topic()));
        long started = System.nanoTime();
        validation.check(record.value());
        metrics.stageTime(ArticleValidation.STAGE, System.nanoTime() - started);
        context().forward(record);
    }
}
