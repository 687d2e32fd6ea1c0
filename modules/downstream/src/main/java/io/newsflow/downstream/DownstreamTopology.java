package io.newsflow.downstream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.EntityMention;
import io.newsflow.model.EntityTrend;
import io.newsflow.model.SourceStats;
import io.newsflow.streams.Topics;
import io.newsflow.streams.ValueSerdes;

/**
 * The downstream topology over the pipeline's output topics:
 * <ul>
 *   <li>{@code news.enriched} is split into one {@link EntityMention} per (article, entity), written to the
 *       mentions topic keyed by entity;</li>
 *   <li>mentions are regrouped by entity and counted in {@link TrendWindow} windows of event time, into queryable
 *       window stores; each window's final count goes to the trends topic once its grace period has passed;</li>
 *   <li>enriched articles, duplicates and attributable dead letters are summed per source into the queryable
 *       {@value #SOURCE_STATS_STORE} table.</li>
 * </ul>
 * Every processor, store and repartition topic is named, so the topology can evolve without renumbering state.
 */
public final class DownstreamTopology {

    public static final String SOURCE_STATS_STORE = "source-stats-store";
    public static final String MENTIONS_REPARTITION = "mentions-by-entity";
    public static final String SOURCE_REPARTITION = "source-events-by-source";

    private DownstreamTopology() {
    }

    public static Topology build(DownstreamConfig config, ValueSerdes serdes) {
        Topics topics = config.pipelineTopics();
        Serde<String> keys = Serdes.String();
        Serde<EntityMention> mentionSerde = serdes.forValues(EntityMention.class);
        Serde<EntityTrend> trendSerde = serdes.forValues(EntityTrend.class);
        Serde<SourceStats> statsSerde = serdes.forValues(SourceStats.class);
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, EnrichedArticle> enriched = builder.stream(topics.enriched(),
                Consumed.with(keys, serdes.forValues(EnrichedArticle.class))
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("enriched-source"));

        KStream<String, EntityMention> mentions = enriched.flatMap(MentionSplitter::split,
                Named.as("split-into-mentions"));
        mentions.to(config.entityMentionsTopic(), Produced.with(keys, mentionSerde).withName("entity-mentions-sink"));

        KGroupedStream<String, EntityMention> byEntity = mentions.groupByKey(
                Grouped.with(MENTIONS_REPARTITION, keys, mentionSerde));
        for (TrendWindow window : TrendWindow.values()) {
            countTrends(config, window, byEntity, keys, trendSerde);
        }

        countSources(builder, topics, serdes, enriched, keys, statsSerde);
        return builder.build();
    }

    private static void countTrends(DownstreamConfig config, TrendWindow window,
                                    KGroupedStream<String, EntityMention> byEntity, Serde<String> keys,
                                    Serde<EntityTrend> trendSerde) {
        String prefix = "entity-trends-" + window.label();
        byEntity.windowedBy(window.windows(config.trendsGrace()))
                .count(Named.as(prefix + "-count"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(window.storeName())
                                .withKeySerde(keys)
                                .withValueSerde(Serdes.Long())
                                .withRetention(window.retention(config.trendsRetention(), config.trendsGrace())))
                // Consumers of the topic want one final count per window, not every intermediate update.
                .suppress(Suppressed.<Windowed<String>>untilWindowCloses(BufferConfig.unbounded())
                        .withName(prefix + "-until-closed"))
                .toStream(Named.as(prefix + "-closed"))
                .map((windowed, count) -> KeyValue.pair(windowed.key(), trend(window, windowed, count)),
                        Named.as(prefix + "-to-trend"))
                .to(config.entityTrendsTopic(), Produced.with(keys, trendSerde).withName(prefix + "-sink"));
    }

    static EntityTrend trend(TrendWindow window, Windowed<String> windowed, Long count) {
        EntityKey entity = EntityKey.parse(windowed.key());
        return EntityTrend.newBuilder()
                .setEntity(windowed.key())
                .setCanonical(entity.canonical())
                .setType(entity.type().name())
                .setWindow(window.label())
                .setWindowStart(windowed.window().startTime())
                .setWindowEnd(windowed.window().endTime())
                .setCount(count == null ? 0 : count)
                .build();
    }

    private static void countSources(StreamsBuilder builder, Topics topics, ValueSerdes serdes,
                                     KStream<String, EnrichedArticle> enriched, Serde<String> keys,
                                     Serde<SourceStats> statsSerde) {
        KStream<String, SourceStats> fromArticles = enriched
                .filter((id, article) -> article.getSource() != null, Named.as("articles-with-source"))
                .map((id, article) -> KeyValue.pair(article.getSource(), SourceTally.ofArticle(article)),
                        Named.as("article-source-tally"));
        KStream<String, SourceStats> fromDuplicates = builder.stream(topics.duplicates(),
                        Consumed.with(keys, serdes.forValues(DuplicateArticle.class)).withName("duplicates-source"))
                .filter((id, duplicate) -> duplicate != null && duplicate.getSource() != null,
                        Named.as("duplicates-with-source"))
                .map((id, duplicate) -> KeyValue.pair(duplicate.getSource(), SourceTally.ofDuplicate(duplicate)),
                        Named.as("duplicate-source-tally"));
        KStream<String, SourceStats> fromDeadLetters = builder.stream(topics.deadLetter(),
                        Consumed.with(keys, serdes.forValues(DeadLetter.class)).withName("dead-letters-source"))
                .filter((key, letter) -> letter != null && SourceTally.sourceOf(letter) != null,
                        Named.as("dead-letters-with-source"))
                .map((key, letter) -> KeyValue.pair(SourceTally.sourceOf(letter), SourceTally.ofDeadLetter(letter)),
                        Named.as("dead-letter-source-tally"));

        fromArticles.merge(fromDuplicates, Named.as("merge-duplicate-tallies"))
                .merge(fromDeadLetters, Named.as("merge-dead-letter-tallies"))
                .groupByKey(Grouped.with(SOURCE_REPARTITION, keys, statsSerde))
                .reduce(SourceTally::add, Named.as("source-stats-sum"),
                        Materialized.<String, SourceStats, KeyValueStore<Bytes, byte[]>>as(SOURCE_STATS_STORE)
                                .withKeySerde(keys)
                                .withValueSerde(statsSerde));
    }
}
