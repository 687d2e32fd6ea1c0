/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/**
 * Operating newsflow: {@link io.newsflow.ops.MicrometerPipelineMetrics} (the pipeline's meters on a Prometheus
 * registry), {@link io.newsflow.ops.KafkaMetricsBridge} (Kafka's own metrics), {@link io.newsflow.ops.OpsServer}
 * ({@code /metrics}, {@code /health/live}, {@code /health/ready}), {@link io.newsflow.ops.Readiness} (what the
 * health endpoints report) and {@link io.newsflow.ops.LogFormat} (text or JSON log lines).
 */
package io.newsflow.ops;
