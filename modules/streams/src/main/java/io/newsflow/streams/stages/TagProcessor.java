package io.newsflow.streams.stages;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.streams.PipelineMetrics;

/** Stage 4: tags named entities. It runs after dedup so the expensive step runs once per story. */
public final class TagProcessor extends ContextualFixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    public static final String STAGE = "tag";

    private final EntityTagging tagging;
    private final PipelineMetrics metrics;

    public TagProcessor(EntityTagging tagging, PipelineMetrics metrics) {
        this.tagging = tagging;
        this.metrics = metrics;
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        long started = System.nanoTime();
        EnrichedArticle article = record.value();
        article.setEntities(tagging.tag(article.getTitle(), article.getBody()));
        article.getEntities().forEach(entity -> metrics.entityTagged(entity.getType().name()));
        article.setProcessedAt(Instant.ofEpochMilli(context().currentSystemTimeMs()));
        metrics.stageTime(STAGE, System.nanoTime() - started);
        context().forward(record);
    }
}
