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
 * Two instances, then one (the first is closed mid-stream), then two again (a new instance with empty state
 * joins): the dedup stores move with their partitions, so copies of articles the closed instance indexed are
 * still recognised, and every article comes out once.
 */
@Timeout(240)
class RebalanceIT {

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @TempDir
    Path stateRoot;

    @Test
    void dedupStateFollowsPartitionsFromTwoInstancesToOneAndBackToTwo() {
        PipelineRun run = PipelineRun.of("rebalance", STACK.bootstrapServers(), STACK.schemaRegistryUrl());
        NewsflowStreamsApp first = run.startInstance(stateRoot.resolve("first"));
        NewsflowStreamsApp second = run.startInstance(stateRoot.resolve("second"));
        NewsflowStreamsApp third = null;
        try (ArticleFeed feed = new ArticleFeed(run, "rebalance")) {
            PipelineRun.awaitRunning(first, second);
            for (int n = 0; n < 80; n++) {
                feed.original(n);
            }
            feed.flush();
            PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(60));
            assertThat(first.streams().metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum())
                    .as("active tasks of the first instance before it left").isPositive();

            // Two -> one: every copy of the first wave is sent after the first instance is gone.
            for (int n = 80; n < 160; n++) {
                feed.original(n);
                if (n == 100) {
                    feed.flush();
                    first.close();
                }
                if (n > 100 && n % 4 == 0) {
                    feed.copyOf(n - 80);
                }
            }
            feed.flush();
            PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(90));

            // One -> two: a newcomer with empty state takes over partitions mid-stream.
            for (int n = 160; n < 240; n++) {
                feed.original(n);
                if (n == 170) {
                    feed.flush();
                    third = run.startInstance(stateRoot.resolve("third"));
                }
                if (n % 4 == 1) {
                    feed.copyOf(n - 160);
                }
            }
            feed.flush();
            PipelineRun.awaitRunning(second, third);

            PipelineOutputs outputs = PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(120));
            outputs.assertExactlyOnce(feed);
            assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            first.close();
            second.close();
            if (third != null) {
                third.close();
            }
        }
    }
}
