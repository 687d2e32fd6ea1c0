package io.newsflow.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.RawArticle;
import io.newsflow.streams.errors.DeadLetters;
import io.newsflow.streams.internals.DedupMessage;
import io.newsflow.streams.internals.DedupProbes;
import io.newsflow.streams.internals.InternalSerdes;
import io.newsflow.streams.stages.CleanProcessor;
import io.newsflow.streams.stages.DedupIndexProcessor;
import io.newsflow.streams.stages.DedupKeys;
import io.newsflow.streams.stages.DedupVerdictProcessor;
import io.newsflow.streams.stages.EntityTagging;
import io.newsflow.streams.stages.FingerprintProcessor;
import io.newsflow.streams.stages.FingerprintProcessor.Fingerprinted;
import io.newsflow.streams.stages.TagProcessor;
import io.newsflow.streams.stages.TagProcessor.TaggingFailure;
import io.newsflow.streams.stages.TaggingPool;
import io.newsflow.streams.stages.ValidateProcessor;
import io.newsflow.text.clean.ArticleCleaner;

/**
 * The whole pipeline in one place: {@code news.raw} → validate → clean → dedup (fingerprint, index by key,
 * verdict) → tag (beside the stream thread, see {@link TagProcessor}) → {@code news.enriched}; duplicates →
 * {@code news.duplicates}. Records that fail anywhere reach {@code news.dead-letter} through the exception
 * handlers of {@link io.newsflow.streams.errors} (the tag stage routes its own failures there).
 * Every processor, store and repartition topic is named, so state survives upgrades.
 */
public final class NewsflowTopology {

    private NewsflowTopology() {
    }

    /** With tagging on the stream thread: what tests on TopologyTestDriver want (output as soon as input). */
    public static Topology build(NewsflowConfig config, ValueSerdes serdes, EntityTagging tagging) {
        return build(config, serdes, TaggingPool.inline(TagProcessor.timed(tagging, PipelineMetrics.NONE)),
                PipelineMetrics.NONE);
    }

    /** @param tagging where the tag stage runs the tagger; its owner closes it after Kafka Streams */
    public static Topology build(NewsflowConfig config, ValueSerdes serdes, TaggingPool tagging,
            PipelineMetrics metrics) {
        Topics topics = config.topics();
        ArticleCleaner cleaner = new ArticleCleaner();
        StreamsBuilder builder = new StreamsBuilder();

        // Caching: a source's template, and an article's pending verdict, change several times within one commit
        // interval; the cache sends only the last value to RocksDB and the changelog.
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(CleanProcessor.TEMPLATE_STORE), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DedupIndexProcessor.INDEX_STORE, config.dedupRetention(),
                        java.time.Duration.ofMillis(1), true),
                Serdes.String(), InternalSerdes.probe()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupVerdictProcessor.PENDING_STORE), Serdes.String(),
                InternalSerdes.pending()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupVerdictProcessor.DRAFT_STORE), Serdes.String(),
                InternalSerdes.draft()).withCachingEnabled());
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(TagProcessor.QUEUE_STORE), Serdes.String(),
                InternalSerdes.draft()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DedupVerdictProcessor.PUBLISHED_STORE, config.dedupRetention(),
                        java.time.Duration.ofMillis(1), false),
                Serdes.String(), Serdes.ByteArray()));

        KStream<String, EnrichedArticle> cleaned = builder
                .stream(topics.raw(), Consumed.with(Serdes.String(), serdes.forValues(RawArticle.class))
                        .withName("source-raw"))
                .processValues(() -> new ValidateProcessor(config.maxBodyBytes(), metrics), Named.as("validate"))
                .processValues(() -> new CleanProcessor(cleaner, config.templateRetention(), config.pipelineVersion(), metrics),
                        Named.as("clean"), CleanProcessor.TEMPLATE_STORE);

        KStream<String, Fingerprinted> fingerprinted = cleaned
                .processValues(() -> new FingerprintProcessor(metrics), Named.as("dedup-fingerprint"));

        // One record per index partition an article's keys live in, not one per key: the partition count is pinned
        // so that the grouping (by the default partitioner's hash) and the topic agree.
        int indexPartitions = config.partitions();
        KStream<String, DedupMessage> votes = fingerprinted
                .flatMap((key, article) -> probes(article, indexPartitions), Named.as("dedup-probe-groups"))
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.probes())
                        .withName("dedup-probe-groups").withNumberOfPartitions(indexPartitions))
                .process(() -> new DedupIndexProcessor(config.dedupRetention(), metrics), Named.as("dedup-index"),
                        DedupIndexProcessor.INDEX_STORE);

        // Answers of younger copies to corrections loop back to the verdict stage through a topic of their own.
        String answersTopic = config.dedupAnswersTopic();
        KStream<String, DedupMessage> answers = builder.stream(answersTopic,
                Consumed.with(Serdes.String(), InternalSerdes.message()).withName("source-dedup-answers"));

        KStream<String, Object> verdicts = fingerprinted
                .map((key, article) -> KeyValue.pair(article.article().getId(),
                        (DedupMessage) new DedupMessage.Draft(article.article(), article.keys().size())),
                        Named.as("dedup-drafts"))
                .merge(votes, Named.as("dedup-merge"))
                .merge(answers, Named.as("dedup-merge-answers"))
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.message()).withName("dedup-verdicts"))
                .process(() -> new DedupVerdictProcessor(metrics, config.dedupSettle()), Named.as("dedup-verdict"),
                        DedupVerdictProcessor.PENDING_STORE, DedupVerdictProcessor.DRAFT_STORE,
                        DedupVerdictProcessor.PUBLISHED_STORE);

        verdicts.split(Named.as("route-"))
                .branch((id, verdict) -> verdict instanceof DedupMessage, Branched.withConsumer(answer -> answer
                        .mapValues(verdict -> (DedupMessage) verdict, Named.as("route-answer-cast"))
                        .to(answersTopic, Produced.with(Serdes.String(), InternalSerdes.message())
                                .withName("sink-dedup-answers")), "answers"))
                .branch((id, verdict) -> verdict instanceof DuplicateArticle, Branched.withConsumer(duplicates -> duplicates
                        .mapValues(verdict -> emitted(topics.duplicates(), (DuplicateArticle) verdict,
                                ((DuplicateArticle) verdict).getFetchedAt(), metrics), Named.as("route-duplicate-cast"))
                        .to(topics.duplicates(), Produced.with(Serdes.String(), serdes.forValues(DuplicateArticle.class))
                                .withName("sink-duplicates")), "duplicates"))
                .defaultBranch(Branched.withConsumer(unique -> unique
                        .mapValues(verdict -> (EnrichedArticle) verdict, Named.as("route-unique-cast"))
                        .process(() -> new TagProcessor(tagging, metrics), Named.as("tag"), TagProcessor.QUEUE_STORE)
                        .split(Named.as("tagged-"))
                        .branch((id, tagged) -> tagged instanceof TaggingFailure, Branched.withConsumer(failed -> failed
                                .mapValues((id, failure) -> tagDeadLetter(config, id, (TaggingFailure) failure, metrics),
                                        Named.as("tagged-dead-letter"))
                                .to(topics.deadLetter(), Produced.with(Serdes.String(),
                                        serdes.forValues(DeadLetter.class)).withName("sink-tag-dead-letters")),
                                "failed"))
                        .defaultBranch(Branched.withConsumer(tagged -> tagged
                                .mapValues(article -> emitted(topics.enriched(), (EnrichedArticle) article,
                                        ((EnrichedArticle) article).getFetchedAt(), metrics),
                                        Named.as("route-unique-emitted"))
                                .to(topics.enriched(), Produced.with(Serdes.String(),
                                        serdes.forValues(EnrichedArticle.class)).withName("sink-enriched")),
                                "enriched")), "unique"));

        return builder.build();
    }

    /** Counts a record on its way to an output topic, with its lag since it was fetched. */
    private static <V> V emitted(String topic, V value, java.time.Instant fetchedAt, PipelineMetrics metrics) {
        metrics.recordOut(topic);
        if (fetchedAt != null) {
            metrics.endToEndLag(Math.max(0, System.currentTimeMillis() - fetchedAt.toEpochMilli()));
        }
        return value;
    }

    /**
     * An article the tagger failed on, as a dead letter: its bytes are the draft's as the tag stage's queue holds
     * them (the raw record is two repartitions back).
     */
    private static DeadLetter tagDeadLetter(NewsflowConfig config, String id, TaggingFailure failure,
            PipelineMetrics metrics) {
        String queue = config.applicationId() + "-" + TagProcessor.QUEUE_STORE + "-changelog";
        byte[] value = InternalSerdes.draft().serializer().serialize(queue, failure.article());
        metrics.deadLettered(TagProcessor.STAGE, DeadLetters.errorType(failure.cause()));
        metrics.recordOut(config.topics().deadLetter());
        return DeadLetters.letter(queue, -1, -1L, failure.timestamp(), id.getBytes(StandardCharsets.UTF_8), value,
                null, TagProcessor.STAGE, failure.cause());
    }

    /** The article's keys as one record per index partition, keyed by the group's first key. */
    static List<KeyValue<String, DedupProbes>> probes(Fingerprinted article, int partitions) {
        List<List<DedupKeys.Key>> groups = article.keys().byPartition(partitions);
        List<KeyValue<String, DedupProbes>> probes = new ArrayList<>(groups.size());
        byte[] fingerprint = article.fingerprint().toBytes();
        for (List<DedupKeys.Key> group : groups) {
            boolean near = group.stream().anyMatch(key -> !key.kind().isExact());
            probes.add(KeyValue.pair(group.get(0).value(), new DedupProbes(article.article().getId(),
                    article.timestamp(), near ? fingerprint : new byte[0], group.stream()
                            .map(key -> new DedupProbes.Key(key.value(), key.kind())).toList())));
        }
        return probes;
    }
}
