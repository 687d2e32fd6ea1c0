/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.testkit.NewsflowStackExtension;

/**
 * The only broker goes away mid-stream and comes back on the same data and port: the running instance must
 * reconnect and carry on by itself, and every article still comes out exactly once.
 */
@Timeout(240)
class BrokerRestartIT {

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @TempDir
    Path stateDir;

    @Test
    void theAppRecoversFromABrokerRestartWithoutLosingOrRepeatingAnArticle() {
        PipelineRun run = PipelineRun.of("broker", STACK.bootstrapServers(), STACK.schemaRegistryUrl());
        try (NewsflowStreamsApp app = run.startInstance(stateDir);
             ArticleFeed feed = new ArticleFeed(run, "broker")) {
            PipelineRun.awaitRunning(app);
            for (int n = 0; n < 80; n++) {
                feed.original(n);
            }
            feed.flush();
            // Copies are sent only of articles already processed: see ArticleFeed on why that keeps totals exact.
            PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(60));

            for (int n = 80; n < 160; n++) {
                feed.original(n);
                if (n % 6 == 0) {
                    feed.copyOf(n - 80);
                }
                if (n == 120) {
                    feed.flush();
                    STACK.stack().broker().restart();
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
