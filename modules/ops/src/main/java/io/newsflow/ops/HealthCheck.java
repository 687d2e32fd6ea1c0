/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import org.apache.kafka.streams.KafkaStreams;

/**
 * The outcome of a liveness or readiness check: up or down, why it is down, and the Kafka Streams state seen.
 *
 * @param up      whether the check passed
 * @param reason  why it did not pass; null when it did
 * @param streams the Kafka Streams state at the time of the check (null if unknown)
 */
public record HealthCheck(boolean up, String reason, KafkaStreams.State streams) {

    public static HealthCheck up(KafkaStreams.State streams) {
        return new HealthCheck(true, null, streams);
    }

    public static HealthCheck down(String reason, KafkaStreams.State streams) {
        return new HealthCheck(false, reason, streams);
    }

    /** {@code {"status":"UP","streams":"RUNNING"}} or {@code {"status":"DOWN","reason":"…","streams":"…"}}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
        if (reason != null) {
            json.append(",\"reason\":").append(JsonStrings.quote(reason));
        }
        if (streams != null) {
            json.append(",\"streams\":\"").append(streams.name()).append('"');
        }
        return json.append('}').toString();
    }
}
