package io.newsflow.streams.stages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.RawArticle;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.text.clean.ArticleCleaner;
import io.newsflow.text.clean.CleanedText;
import io.newsflow.text.clean.SourceTemplate;

/**
 * Stage 2: strips boilerplate and normalises the body, turning the raw article into the draft of its enriched
 * record. Learns each source's recurring blocks (footers, share bars) in {@value #TEMPLATE_STORE}, so a new
 * site's chrome is removed after a few of its articles. The store is per task, not repartitioned by source:
 * a source spread over N partitions is learned N times over, which costs a few more articles but no extra
 * topic and no hot partition for a big source.
 */
public final class CleanProcessor extends ContextualFixedKeyProcessor<String, RawArticle, EnrichedArticle> {

    public static final String STAGE = "clean";
    public static final String TEMPLATE_STORE = "clean-source-templates";
    static final String UNKNOWN_SOURCE = "(unknown source)";

    private final ArticleCleaner cleaner;
    private final Duration templateRetention;
    private final String pipelineVersion;
    private final PipelineMetrics metrics;
    private TimestampedKeyValueStore<String, byte[]> templates;

    public CleanProcessor(ArticleCleaner cleaner, Duration templateRetention, String pipelineVersion,
            PipelineMetrics metrics) {
        this.cleaner = cleaner;
        this.templateRetention = templateRetention;
        this.pipelineVersion = pipelineVersion;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        super.init(context);
        templates = context.getStateStore(TEMPLATE_STORE);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::dropSilentSources);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        long started = System.nanoTime();
        RawArticle raw = record.value();
        String source = raw.getSource() == null || raw.getSource().isBlank() ? UNKNOWN_SOURCE : raw.getSource();
        ValueAndTimestamp<byte[]> stored = templates.get(source);
        SourceTemplate template = stored == null ? SourceTemplate.empty() : SourceTemplate.fromBytes(stored.value());

        CleanedText cleaned = cleaner.clean(raw.getBody(), ArticleValidation.baseContentType(raw.getContentType()),
                template);
        template.observe(cleaned.blockHashes());
        templates.put(source, ValueAndTimestamp.make(template.toBytes(), context().currentSystemTimeMs()));

        EnrichedArticle draft = EnrichedDrafts.fromCleaned(raw, cleaned, pipelineVersion, context().currentSystemTimeMs());
        cleaned.removed().forEach(block -> metrics.boilerplateRemoved(block.reason(), block.text().length()));
        metrics.stageTime(STAGE, System.nanoTime() - started);
        context().forward(record.withValue(draft));
    }

    private void dropSilentSources(long now) {
        long cutoff = now - templateRetention.toMillis();
        List<String> silent = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = templates.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = all.next();
                if (entry.value.timestamp() < cutoff) {
                    silent.add(entry.key);
                }
            }
        }
        silent.forEach(templates::delete);
    }
}
