/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.testkit.NewsflowStackExtension;

/**
 * The pipeline process is killed with SIGKILL at three random points while articles stream in, and started
 * again on the same state directory each time. Exactly-once must hold across the crashes: every article
 * enriched once, every copy (including copies of articles processed before a crash) reported once. The tagger
 * is on, so articles waiting for it (on its own thread) are among what a crash interrupts.
 */
@Timeout(300)
class CrashRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRestartIT.class);

    private static final int SEGMENTS = 5;
    private static final int PER_SEGMENT = 60;
    private static final int CRASHES = 3;
    /** About 15% of the input: copies in the four segments after the first. */
    private static final int COPIES_PER_SEGMENT = 11;

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @TempDir
    Path workDir;

    @Test
    void killingTheProcessThreeTimesMidStreamLosesAndRepeatsNothing() {
        long seed = System.nanoTime();
        LOG.info("Crash points seed {}", seed);
        Random random = new Random(seed);
        Set<Integer> crashAt = new TreeSet<>();
        while (crashAt.size() < CRASHES) {
            crashAt.add(PER_SEGMENT + random.nextInt((SEGMENTS - 1) * PER_SEGMENT - 10));
        }

        PipelineRun run = PipelineRun.of("crash", STACK.bootstrapServers(), STACK.schemaRegistryUrl()).withTagger();
        Path stateDir = workDir.resolve("state");
        // Outside the temporary directory, so the children's logs survive a failed run.
        Path log = Path.of("target", run.config().applicationId() + "-process.log").toAbsolutePath();
        ChildPipeline child = ChildPipeline.start(run, stateDir, log);
        int crashes = 0;
        try (ArticleFeed feed = new ArticleFeed(run, "crash")) {
            int nextArticle = 0;
            List<Integer> processed = new ArrayList<>();
            for (int segment = 0; segment < SEGMENTS; segment++) {
                Set<Integer> copyAt = new TreeSet<>();
                while (segment > 0 && copyAt.size() < COPIES_PER_SEGMENT) {
                    copyAt.add(random.nextInt(PER_SEGMENT));
                }
                for (int i = 0; i < PER_SEGMENT; i++) {
                    if (crashAt.contains(feed.sent())) {
                        feed.flush();
                        child.kill();
                        crashes++;
                        child = ChildPipeline.start(run, stateDir, log);
                    }
                    if (copyAt.contains(i)) {
                        int of;
                        do {
                            of = processed.get(random.nextInt(processed.size()));
                        } while (feed.hasCopies(of));
                        feed.copyOf(of);
                    } else {
                        feed.original(nextArticle);
                        nextArticle++;
                    }
                }
                feed.flush();
                PipelineOutputs.awaitAtLeast(run, feed.sent(), Duration.ofSeconds(120));
                for (int n = processed.size(); n < nextArticle; n++) {
                    processed.add(n);
                }
            }

            PipelineOutputs outputs = PipelineOutputs.read(run);
            assertThat(crashes).isEqualTo(CRASHES);
            assertThat(feed.sent()).isEqualTo(SEGMENTS * PER_SEGMENT);
            outputs.assertExactlyOnce(feed);
            assertThat(child.isAlive()).as("the last process still runs").isTrue();
        } finally {
            child.close();
        }
    }
}
