/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * newsflow's downstream application: a Kafka Streams application of its own, reading the pipeline's output
 * topics, that writes one {@code EntityMention} per (article, entity), counts entities in hourly and daily
 * windows of event time ({@code EntityTrend}), keeps per-source statistics, and answers interactive queries over
 * HTTP from any instance ({@link io.newsflow.downstream.QueryServer}).
 *
 * <p>Start with {@link io.newsflow.downstream.DownstreamApp}; the topology is
 * {@link io.newsflow.downstream.DownstreamTopology}; the topic contract is in this module's {@code CONTRACT.md}.
 */
package io.newsflow.downstream;
