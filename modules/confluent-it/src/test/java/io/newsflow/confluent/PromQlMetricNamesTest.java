/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names and grouping labels read out of dashboard-style PromQL. */
class PromQlMetricNamesTest {

    @Test
    void aggregationOverRateYieldsTheCounterAndItsGroupingLabel() {
        PromQlMetricNames query = PromQlMetricNames.of("sum by (topic) (rate(newsflow_records_in_total[$__rate_interval]))");

        assertThat(query.metrics()).containsExactly("newsflow_records_in_total");
        assertThat(query.groupingLabels()).containsExactly("topic");
    }

    @Test
    void quantileNumbersLabelValuesAndVariablesAreNotMetrics() {
        PromQlMetricNames query = PromQlMetricNames.of(
                "histogram_quantile(0.99, sum(rate(newsflow_stage_seconds_bucket{stage=~\"clean|tag\", job=\"$job\"}[5m])) by (le, stage))");

        assertThat(query.metrics()).containsExactly("newsflow_stage_seconds_bucket");
        assertThat(query.groupingLabels()).containsExactly("le", "stage");
    }

    @Test
    void bothSidesOfABinaryOperationAreMetrics() {
        PromQlMetricNames query = PromQlMetricNames.of(
                "sum(rate(newsflow_records_out_total[1m])) / ignoring(topic) sum(rate(newsflow_records_in_total[1m])) > bool 0.5");

        assertThat(query.metrics()).containsExactlyInAnyOrder("newsflow_records_out_total", "newsflow_records_in_total");
        assertThat(query.groupingLabels()).containsExactly("topic");
    }

    @Test
    void misspelledMetricIsReportedAsWritten() {
        assertThat(PromQlMetricNames.of("rate(newsflow_record_in_total[5m]) offset 1h").metrics())
                .containsExactly("newsflow_record_in_total");
    }
}
