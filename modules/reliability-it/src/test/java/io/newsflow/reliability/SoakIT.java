/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.RawArticle;
import io.newsflow.streams.NewsflowStreamsApp;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.testkit.NewsflowStackExtension;

/**
 * A long run: {@code soak.articles} articles (default one million, about one in ten a copy of an article
 * processed before the last checkpoint, so the duplicate count is exact)
 * through one instance, with the heap used after a full GC logged at every checkpoint once the pipeline has
 * caught up. Fails if the heap grows by more than {@value #MAX_HEAP_GROWTH_MB} MB from the first checkpoint
 * to the last, which is what a leak per article (or per source, or per dedup key) would do.
 *
 * <p>Only in the {@code soak} profile: {@code mvn verify -Psoak -Dsoak.articles=50000}.
 */
class SoakIT {

    private static final Logger LOG = LoggerFactory.getLogger(SoakIT.class);

    static final long MAX_HEAP_GROWTH_MB = 64;
    private static final int DEFAULT_ARTICLES = 1_000_000;
    private static final int DEFAULT_CHECKPOINT = 100_000;

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    @TempDir
    Path stateDir;

    @Test
    void heapStaysFlatOverALongRunAndEveryArticleIsAccountedFor() {
        int articles = Integer.getInteger("soak.articles", DEFAULT_ARTICLES);
        int checkpoint = Integer.getInteger("soak.checkpoint", Math.min(DEFAULT_CHECKPOINT, Math.max(1, articles / 5)));
        PipelineRun run = PipelineRun.of("soak", STACK.bootstrapServers(), STACK.schemaRegistryUrl());
        try (SoakReport report = SoakReport.open(articles)) {
            report.outcomeOf(() -> soak(run, articles, checkpoint, report));
        }
    }

    private void soak(PipelineRun run, int articles, int checkpoint, SoakReport report) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heapMb = new ArrayList<>();
        long copies = 0;
        long started = System.nanoTime();
        try (NewsflowStreamsApp app = run.startInstance(stateDir);
             KafkaProducer<String, RawArticle> producer = producer(run);
             OutputTally tally = new OutputTally(run)) {
            PipelineRun.awaitRunning(app);
            int nextOriginal = 0;
            int nextToCopy = 0;
            int processedOriginals = 0;
            for (int sent = 1; sent <= articles; sent++) {
                RawArticle article;
                if (sent % 10 == 0 && nextToCopy < processedOriginals) {
                    article = NewsStories.trackedCopy("soak", nextToCopy++);
                    copies++;
                } else {
                    article = NewsStories.original("soak", nextOriginal++);
                }
                producer.send(new ProducerRecord<>(run.topics().raw(), article.getId(), article));
                if (sent % checkpoint == 0 || sent == articles) {
                    producer.flush();
                    tally.awaitTotal(sent, Duration.ofMinutes(30));
                    System.gc();
                    long used = memory.getHeapMemoryUsage().getUsed() >> 20;
                    heapMb.add(used);
                    processedOriginals = nextOriginal;
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    LOG.info("Soak checkpoint: {} articles processed in {} s, heap used after GC {} MB",
                            sent, seconds, used);
                    report.line("checkpoint: %d articles processed in %d s, heap used after GC %d MB",
                            sent, seconds, used);
                }
            }
            LOG.info("Soak figures: articles={} copies={} checkpoint={} heapMb={}", articles, copies, checkpoint, heapMb);
            report.line("end: %d articles in %d s, enriched %d, duplicates %d (copies sent %d), dead-letter %d,"
                            + " heap after GC per checkpoint %s MB",
                    tally.total(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    tally.count(run.topics().enriched()), tally.count(run.topics().duplicates()), copies,
                    tally.count(run.topics().deadLetter()), heapMb);

            assertThat(tally.total()).isEqualTo(articles);
            assertThat(tally.count(run.topics().deadLetter())).isZero();
            assertThat(tally.count(run.topics().duplicates())).isEqualTo(copies);
            assertThat(heapMb.get(heapMb.size() - 1) - heapMb.get(0))
                    .as("heap growth in MB, first to last checkpoint: %s", heapMb).isLessThan(MAX_HEAP_GROWTH_MB);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static KafkaProducer<String, RawArticle> producer(PipelineRun run) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.config().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(props, new StringSerializer(),
                new ValueSerdes(run.config()).forValues(RawArticle.class).serializer());
    }
}
