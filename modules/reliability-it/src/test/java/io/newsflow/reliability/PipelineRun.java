/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;

import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.Topics;
import io.newsflow.streams.stages.EntityTagging;

/**
 * One test's pipeline settings: its own application id and topic names on a shared broker, the tagger off
 * (the fault tests are about delivery, not entities), and short group timeouts so a lost member is noticed
 * quickly.
 */
record PipelineRun(NewsflowConfig config) {

    static PipelineRun of(String test, String bootstrapServers, String registryUrl) {
        String run = test + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(NewsflowConfig.APPLICATION_ID, "reliability-" + run);
        settings.put(NewsflowConfig.TOPIC_RAW, run + ".news.raw");
        settings.put(NewsflowConfig.TOPIC_ENRICHED, run + ".news.enriched");
        settings.put(NewsflowConfig.TOPIC_DUPLICATES, run + ".news.duplicates");
        settings.put(NewsflowConfig.TOPIC_DEAD_LETTER, run + ".news.dead-letter");
        settings.put(NewsflowConfig.TOPIC_PARTITIONS, 4);
        settings.put(NewsflowConfig.TAGGER_ENABLED, false);
        settings.put("streams.consumer.session.timeout.ms", "6000");
        settings.put("streams.consumer.heartbeat.interval.ms", "1000");
        return new PipelineRun(new NewsflowConfig(settings));
    }

    /**
     * The same run with the entity tagger on: it tags beside the stream thread, so a crash finds articles queued
     * for it, which the restarted instance must tag and emit once.
     */
    PipelineRun withTagger() {
        Map<String, Object> settings = new LinkedHashMap<>(config.originals());
        settings.put(NewsflowConfig.TAGGER_ENABLED, true);
        return new PipelineRun(new NewsflowConfig(settings));
    }

    Topics topics() {
        return config.topics();
    }

    /** The settings as {@code -D key=value} pairs, for a child process; the state directory is added per instance. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        config.originals().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        return settings;
    }

    /** Waits until every instance has joined the group and owns its tasks. */
    static void awaitRunning(NewsflowStreamsApp... apps) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(apps)
                .allMatch(app -> app.state() == KafkaStreams.State.RUNNING));
    }

    /** Starts an in-process instance with its own state directory. */
    NewsflowStreamsApp startInstance(Path stateDir) {
        Map<String, Object> settings = new HashMap<>(config.originals());
        settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
        return new NewsflowStreamsApp(new NewsflowConfig(settings), EntityTagging.NONE, PipelineMetrics.NONE).start();
    }
}
