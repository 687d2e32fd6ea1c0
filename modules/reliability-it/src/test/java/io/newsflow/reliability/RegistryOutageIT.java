/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.streams.NewsflowStreamsApp;

/**
 * The schema registry is down for 30 s while articles keep arriving. The producer has the RawArticle schema
 * cached; the pipeline meets its first duplicate during the outage, so it must register the DuplicateArticle
 * schema then, fail, back off and retry rather than dead-letter or drop the record.
 */
@Timeout(240)
class RegistryOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int SENT_DURING_OUTAGE = 60;

    private static InterruptibleStack stack;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startStack() {
        stack = InterruptibleStack.start();
    }

    @AfterAll
    static void closeStack() {
        stack.close();
    }

    @Test
    void aThirtySecondRegistryOutageNeitherDeadLettersNorLosesAnArticle() throws InterruptedException {
        PipelineRun run = PipelineRun.of("registry", stack.bootstrapServers(), stack.schemaRegistryUrl());
        try (NewsflowStreamsApp app = run.startInstance(stateDir);
             ArticleFeed feed = new ArticleFeed(run, "registry")) {
            PipelineRun.awaitRunning(app);
            // Before the outage: originals only, so RawArticle and EnrichedArticle are registered and cached.
            for (int n = 0; n < 60; n++) {
                feed.original(n);
            }
            feed.flush();
            PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(60));

            stack.stopRegistry();
            long pauseNanos = OUTAGE.toNanos() / SENT_DURING_OUTAGE;
            for (int i = 0; i < SENT_DURING_OUTAGE; i++) {
                int n = 60 + i;
                feed.original(n);
                if (i % 5 == 0) {
                    feed.copyOf(i);
                }
                feed.flush();
                // Pacing, not waiting for a condition: the records must keep coming for the whole outage.
                Thread.sleep(pauseNanos / 1_000_000);
            }
            stack.startRegistry();

            for (int n = 120; n < 150; n++) {
                feed.original(n);
                if (n % 5 == 0) {
                    feed.copyOf(n - 100);
                }
            }
            feed.flush();

            PipelineOutputs outputs = PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(120));
            outputs.assertExactlyOnce(feed);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(app.fatalError()).isNull();
        }
    }
}
