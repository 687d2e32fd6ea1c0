package io.newsflow.streams.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newsflow.streams.PipelineMetrics;
import io.newsflow.streams.internals.DedupKeyKind;
import io.newsflow.streams.internals.DedupMessage;
import io.newsflow.streams.internals.DedupProbe;
import io.newsflow.streams.internals.DedupProbes;
import io.newsflow.streams.internals.DedupVote;
import io.newsflow.streams.internals.InternalSerdes;
import io.newsflow.text.dedup.NearDuplicateFingerprint;

class DedupIndexProcessorTest {

    private static final String HOT_KEY = "band:0:hot";

    private final MockProcessorContext<String, DedupMessage> context = new MockProcessorContext<>();
    private WindowStore<String, DedupProbe> index;
    private DedupIndexProcessor processor;

    @BeforeEach
    void init() {
        index = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(DedupIndexProcessor.INDEX_STORE,
                Duration.ofDays(7), Duration.ofMillis(1), true), Serdes.String(), InternalSerdes.probe())
                .withLoggingDisabled().build();
        index.init(context.getStateStoreContext(), index);
        context.addStateStore(index);
        processor = new DedupIndexProcessor(Duration.ofDays(7), PipelineMetrics.NONE);
        processor.init(context);
    }

    @Test
    void aKeySharedByManyDifferentArticlesStopsGrowingAndIsComparedBoundedly() {
        // Templated or very short texts can share one band key by the thousand; the stage must not compare each
        // new article with all of them.
        SplittableRandom random = new SplittableRandom(3);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < DedupIndexProcessor.MAX_ARTICLES_PER_KEY + 20; i++) {
            String body = words(random, 60);
            bodies.add(body);
            process("a-" + i, 1_000L + i, body);
        }
        assertThat(entriesUnder(HOT_KEY)).isEqualTo(DedupIndexProcessor.MAX_ARTICLES_PER_KEY);
        assertThat(votes()).allSatisfy(vote -> assertThat(vote.isDuplicate()).isFalse());

        // A copy of an article the key still holds is found under it.
        context.resetForwards();
        process("copy-of-a-3", 5_000L, bodies.get(3));
        assertThat(votes()).singleElement().satisfies(vote -> {
            assertThat(vote.duplicateOf()).isEqualTo("a-3");
            assertThat(vote.similarity()).isEqualTo(1.0);
        });
    }

    @Test
    void anArticlesKeysInOnePartitionAreAnsweredInOneRecordAndEachRemembered() {
        String body = words(new SplittableRandom(7), 80);
        byte[] fingerprint = NearDuplicateFingerprint.of(body).toBytes();
        List<DedupProbes.Key> keys = List.of(new DedupProbes.Key("hash:1", DedupKeyKind.CONTENT_HASH),
                new DedupProbes.Key("band:1:x", DedupKeyKind.FINGERPRINT_BAND),
                new DedupProbes.Key("band:5:y", DedupKeyKind.FINGERPRINT_BAND));
        processor.process(new Record<>("hash:1", new DedupProbes("orig", 1_000L, fingerprint, keys), 1_000L));
        assertThat(context.forwarded()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.record().key()).isEqualTo("orig");
            assertThat(((DedupMessage.Votes) forwarded.record().value()).votes())
                    .extracting(DedupVote::dedupKey).containsExactly("hash:1", "band:1:x", "band:5:y");
        });
        assertThat(votes()).noneMatch(DedupVote::isDuplicate);
        assertThat(entriesUnder("hash:1") + entriesUnder("band:1:x") + entriesUnder("band:5:y")).isEqualTo(3);

        context.resetForwards();
        processor.process(new Record<>("hash:1", new DedupProbes("copy", 2_000L, fingerprint, keys), 2_000L));
        assertThat(votes()).hasSize(3).allSatisfy(vote -> {
            assertThat(vote.articleId()).isEqualTo("copy");
            assertThat(vote.duplicateOf()).isEqualTo("orig");
        });
        assertThat(votes()).filteredOn(vote -> vote.kind() == DedupKeyKind.CONTENT_HASH).singleElement()
                .satisfies(vote -> assertThat(vote.similarity()).isEqualTo(1.0));
    }

    private void process(String id, long timestamp, String body) {
        byte[] fingerprint = NearDuplicateFingerprint.of(body).toBytes();
        processor.process(new Record<>(HOT_KEY, new DedupProbes(id, timestamp, fingerprint,
                List.of(new DedupProbes.Key(HOT_KEY, DedupKeyKind.FINGERPRINT_BAND))), timestamp));
    }

    private List<DedupVote> votes() {
        return context.forwarded().stream()
                .map(forwarded -> forwarded.record().value())
                .flatMap(message -> message instanceof DedupMessage.Votes votes ? votes.votes().stream()
                        : message instanceof DedupMessage.Vote vote ? java.util.stream.Stream.of(vote.vote())
                        : java.util.stream.Stream.empty())
                .toList();
    }

    private int entriesUnder(String key) {
        int count = 0;
        try (WindowStoreIterator<DedupProbe> entries = index.fetch(key, 0L, Long.MAX_VALUE)) {
            while (entries.hasNext()) {
                KeyValue<Long, DedupProbe> ignored = entries.next();
                count++;
            }
        }
        return count;
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int length = 3 + random.nextInt(6);
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        return text.toString().strip();
    }
}
