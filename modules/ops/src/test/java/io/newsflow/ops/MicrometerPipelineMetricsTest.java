/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class MicrometerPipelineMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);

    @Test
    void theTaggerBacklogIsReadWhenScraped() {
        java.util.concurrent.atomic.AtomicInteger backlog = new java.util.concurrent.atomic.AtomicInteger(3);
        metrics.taggerBacklog(backlog::get);

        assertThat(registry.get("newsflow.tagger.backlog").gauge().value()).isEqualTo(3.0);
        backlog.set(0);
        assertThat(registry.scrape()).contains("newsflow_tagger_backlog_articles 0.0");
    }

    @Test
    void recordsInAndOutAreCountedPerTopic() {
        metrics.recordIn("news.raw");
        metrics.recordIn("news.raw");
        metrics.recordIn("news.raw.backfill");
        metrics.recordOut("news.enriched");

        assertThat(count("newsflow.records.in", "topic", "news.raw")).isEqualTo(2.0);
        assertThat(count("newsflow.records.in", "topic", "news.raw.backfill")).isEqualTo(1.0);
        assertThat(count("newsflow.records.out", "topic", "news.enriched")).isEqualTo(1.0);
        assertThat(registry.find("newsflow.records.out").tag("topic", "news.raw").counter()).isNull();
    }

    @Test
    void duplicatesAreCountedPerKind() {
        metrics.duplicate("EXACT");
        metrics.duplicate("NEAR");
        metrics.duplicate("EXACT");

        assertThat(count("newsflow.duplicates", "kind", "EXACT")).isEqualTo(2.0);
        assertThat(count("newsflow.duplicates", "kind", "NEAR")).isEqualTo(1.0);
    }

    @Test
    void boilerplateCountsBlocksAndCharactersPerReason() {
        metrics.boilerplateRemoved("template", 120);
        metrics.boilerplateRemoved("template", 30);
        metrics.boilerplateRemoved("share-links", 45);

        assertThat(count("newsflow.boilerplate.blocks", "reason", "template")).isEqualTo(2.0);
        assertThat(count("newsflow.boilerplate.removed.chars", "reason", "template")).isEqualTo(150.0);
        assertThat(count("newsflow.boilerplate.blocks", "reason", "share-links")).isEqualTo(1.0);
        assertThat(count("newsflow.boilerplate.removed.chars", "reason", "share-links")).isEqualTo(45.0);
    }

    @Test
    void entitiesAreCountedPerType() {
        metrics.entityTagged("PER");
        metrics.entityTagged("ORG");
        metrics.entityTagged("PER");

        assertThat(count("newsflow.entities", "type", "PER")).isEqualTo(2.0);
        assertThat(count("newsflow.entities", "type", "ORG")).isEqualTo(1.0);
        assertThat(registry.find("newsflow.entities").tag("type", "LOC").counter()).isNull();
    }

    @Test
    void deadLettersAreCountedPerStageAndReason() {
        metrics.deadLettered("deserialize", "SerializationException");
        metrics.deadLettered("validate", "StageException");
        metrics.deadLettered("deserialize", "SerializationException");

        assertThat(registry.get("newsflow.dead.letters").tag("stage", "deserialize")
                .tag("reason", "SerializationException").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("newsflow.dead.letters").tag("stage", "validate")
                .tag("reason", "StageException").counter().count()).isEqualTo(1.0);
    }

    @Test
    void missingTagValuesAreCountedAsUnknown() {
        metrics.deadLettered(null, " ");

        assertThat(registry.get("newsflow.dead.letters").tag("stage", "unknown").tag("reason", "unknown")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void stageTimesAreRecordedPerStage() {
        metrics.stageTime("clean", TimeUnit.MILLISECONDS.toNanos(3));
        metrics.stageTime("clean", TimeUnit.MILLISECONDS.toNanos(5));
        metrics.stageTime("tag", TimeUnit.MILLISECONDS.toNanos(40));

        Timer clean = registry.get("newsflow.stage").tag("stage", "clean").timer();
        assertThat(clean.count()).isEqualTo(2);
        assertThat(clean.totalTime(TimeUnit.MILLISECONDS)).isCloseTo(8.0, within(1e-9));
        assertThat(registry.get("newsflow.stage").tag("stage", "tag").timer().max(TimeUnit.MILLISECONDS))
                .isCloseTo(40.0, within(1e-9));
    }

    @Test
    void endToEndLagIsRecordedInSecondsAndNeverNegative() {
        metrics.endToEndLag(1_500);
        metrics.endToEndLag(-200);

        DistributionSummary lag = registry.get("newsflow.end.to.end.lag").summary();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.totalAmount()).isCloseTo(1.5, within(1e-9));
        assertThat(lag.max()).isCloseTo(1.5, within(1e-9));
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
