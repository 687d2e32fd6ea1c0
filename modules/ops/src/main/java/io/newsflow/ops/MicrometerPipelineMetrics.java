/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.streams.PipelineMetrics;

/**
 * The pipeline's own metrics as Micrometer meters, named so that a Prometheus registry exposes them as
 * {@code newsflow_records_in_total}, {@code newsflow_stage_seconds} and so on (see METRICS.md in this module).
 *
 * <p>Stages call this once or more per record, from every stream thread, so each meter is looked up in a
 * small concurrent cache keyed by its tag values instead of going through the registry's builder every time.
 * Tag values come from newsflow's code (topic names, stage names, error classes), never from article content,
 * so the number of series stays bounded.
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

    static final String RECORDS_IN = "newsflow.records.in";
    static final String RECORDS_OUT = "newsflow.records.out";
    static final String DUPLICATES = "newsflow.duplicates";
    static final String BOILERPLATE_CHARS = "newsflow.boilerplate.removed.chars";
    static final String BOILERPLATE_BLOCKS = "newsflow.boilerplate.blocks";
    static final String ENTITIES = "newsflow.entities";
    static final String DEAD_LETTERS = "newsflow.dead.letters";
    static final String STAGE_TIME = "newsflow.stage";
    static final String END_TO_END_LAG = "newsflow.end.to.end.lag";
    static final String TAGGER_BACKLOG = "newsflow.tagger.backlog";

    /** Seconds; spans a fresh article (sub-second) to a backlog replayed hours later. */
    private static final double[] LAG_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600};

    private final MeterRegistry registry;
    private final Map<String, Counter> recordsIn = new ConcurrentHashMap<>();
    private final Map<String, Counter> recordsOut = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final Map<String, Counter> boilerplateChars = new ConcurrentHashMap<>();
    private final Map<String, Counter> boilerplateBlocks = new ConcurrentHashMap<>();
    private final Map<String, Counter> entities = new ConcurrentHashMap<>();
    private final Map<DeadLetterKey, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Timer> stageTimers = new ConcurrentHashMap<>();
    private final DistributionSummary endToEndLag;

    public MicrometerPipelineMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.endToEndLag = DistributionSummary.builder(END_TO_END_LAG)
                .description("Time from an article's fetchedAt to its emission on an output topic")
                .baseUnit("seconds")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
    }

    /** The registry the meters live in, for the HTTP endpoint and for binding Kafka's own metrics. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void recordIn(String topic) {
        counter(recordsIn, topic, t -> Counter.builder(RECORDS_IN)
                .description("Records read from an input topic")
                .tag("topic", t)).increment();
    }

    @Override
    public void recordOut(String topic) {
        counter(recordsOut, topic, t -> Counter.builder(RECORDS_OUT)
                .description("Records written to an output topic (enriched, duplicates or dead letters)")
                .tag("topic", t)).increment();
    }

    @Override
    public void duplicate(String kind) {
        counter(duplicates, kind, k -> Counter.builder(DUPLICATES)
                .description("Articles found to duplicate an earlier one, by kind (EXACT or NEAR)")
                .tag("kind", k)).increment();
    }

    @Override
    public void boilerplateRemoved(String reason, int characters) {
        counter(boilerplateBlocks, reason, r -> Counter.builder(BOILERPLATE_BLOCKS)
                .description("Blocks of boilerplate removed from article bodies, by reason")
                .tag("reason", r)).increment();
        counter(boilerplateChars, reason, r -> Counter.builder(BOILERPLATE_CHARS)
                .description("Characters of boilerplate removed from article bodies, by reason")
                .tag("reason", r)).increment(Math.max(0, characters));
    }

    @Override
    public void entityTagged(String type) {
        counter(entities, type, t -> Counter.builder(ENTITIES)
                .description("Named entities tagged, by type (PER, ORG, LOC, MISC)")
                .tag("type", t)).increment();
    }

    @Override
    public void deadLettered(String stage, String errorType) {
        DeadLetterKey key = new DeadLetterKey(tagValue(stage), tagValue(errorType));
        deadLetters.computeIfAbsent(key, k -> Counter.builder(DEAD_LETTERS)
                .description("Records sent to the dead-letter topic, by stage and error type")
                .tag("stage", k.stage())
                .tag("reason", k.reason())
                .register(registry)).increment();
    }

    @Override
    public void stageTime(String stage, long nanos) {
        stageTimers.computeIfAbsent(tagValue(stage), s -> Timer.builder(STAGE_TIME)
                .description("Time one record spends in a pipeline stage")
                .tag("stage", s)
                .publishPercentileHistogram()
                // Bounds keep the histogram to a few dozen buckets: stages take 100 µs to seconds.
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void endToEndLag(long millis) {
        // A fetchedAt from a clock ahead of ours would give a negative lag; count it as no lag at all.
        endToEndLag.record(Math.max(0, millis) / 1000.0);
    }

    @Override
    public void taggerBacklog(IntSupplier articles) {
        Gauge.builder(TAGGER_BACKLOG, articles, IntSupplier::getAsInt)
                .description("Articles handed to the tagger threads and not tagged yet")
                .baseUnit("articles")
                .register(registry);
    }

    private Counter counter(Map<String, Counter> cache, String tagValue, Function<String, Counter.Builder> builder) {
        return cache.computeIfAbsent(tagValue(tagValue), value -> builder.apply(value).register(registry));
    }

    /** Micrometer refuses null tag values; a missing one is still worth counting. */
    private static String tagValue(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private record DeadLetterKey(String stage, String reason) {
    }
}
