/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metric names newsflow's ops endpoint serves and the labels each carries, as the Operations
 * issue defines them: what dashboards and alerts may refer to. Kafka Streams' own metrics are bridged
 * under {@code kafka_stream_*} (labels vary by metric group, so only the name is checked), plus the
 * consumer lag gauge; {@code up} is the series Prometheus itself writes for every scrape target.
 */
final class MetricCatalog {

    private static final Map<String, Set<String>> NEWSFLOW = Map.of(
            "newsflow_records_in_total", Set.of("topic"),
            "newsflow_records_out_total", Set.of("topic"),
            "newsflow_duplicates_total", Set.of("kind"),
            "newsflow_dead_letters_total", Set.of("stage", "reason"),
            "newsflow_stage_seconds_bucket", Set.of("stage", "le"),
            "newsflow_end_to_end_lag_seconds_bucket", Set.of("le"),
            "newsflow_entities_total", Set.of("type"),
            "newsflow_tagger_backlog_articles", Set.of());

    private static final String KAFKA_STREAMS_PREFIX = "kafka_stream_";
    private static final String CONSUMER_LAG = "kafka_consumer_fetch_manager_records_lag_max";
    private static final String SCRAPE_UP = "up";

    /** Labels every scraped series has, whatever the metric: Prometheus adds them per target. */
    static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    private MetricCatalog() {
    }

    static boolean isKnown(String metric) {
        return NEWSFLOW.containsKey(metric) || metric.startsWith(KAFKA_STREAMS_PREFIX)
                || CONSUMER_LAG.equals(metric) || SCRAPE_UP.equals(metric);
    }

    /** The labels a newsflow metric carries besides the target labels; empty when only its name is known. */
    static Optional<Set<String>> labelsOf(String metric) {
        return Optional.ofNullable(NEWSFLOW.get(metric));
    }
}
