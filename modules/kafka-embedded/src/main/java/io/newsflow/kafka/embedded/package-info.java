/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/**
 * A real Apache Kafka broker (one KRaft node, broker and controller in one) running inside the JVM on
 * loopback, for tests and for {@code newsflow dev}. Start with {@link io.newsflow.kafka.embedded.EmbeddedKafkaBroker#builder()}.
 */
package io.newsflow.kafka.embedded;
