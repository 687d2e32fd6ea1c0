package io.newsflow.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.model.EntityType;
import io.newsflow.model.Mention;
import io.newsflow.model.RemovedBlock;

class InternalSerdesTest {

    private static final String TOPIC = "app-dedup-verdicts-repartition";

    @Test
    void draftsWriteTheFirstReleasesLayoutSoChangelogsStayReadable() throws IOException {
        EnrichedArticle article = article("a-1", "Berlin ist schön. ".repeat(400));

        byte[] written = InternalSerdes.draft().serializer().serialize(TOPIC, article);

        // format byte, int length, Avro binary: what DataOutputStream wrote before the codec was reused
        byte[] avro = avro(article);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(expected)) {
            out.writeByte(1);
            out.writeInt(avro.length);
            out.write(avro);
        }
        assertThat(written).isEqualTo(expected.toByteArray());
        assertThat(InternalSerdes.draft().deserializer().deserialize(TOPIC, written)).isEqualTo(article);
    }

    @Test
    void draftMessagesKeepTheirLayoutAndRoundTrip() throws IOException {
        EnrichedArticle article = article("a-2", "Short text.");
        Serde<DedupMessage> serde = InternalSerdes.message();

        byte[] written = serde.serializer().serialize(TOPIC, new DedupMessage.Draft(article, 7));

        byte[] avro = avro(article);
        ByteBuffer expected = ByteBuffer.allocate(2 + 4 + avro.length + 4);
        expected.put((byte) 1).put((byte) 1).putInt(avro.length).put(avro).putInt(7);
        assertThat(written).isEqualTo(expected.array());
        DedupMessage read = serde.deserializer().deserialize(TOPIC, written);
        assertThat(read).isInstanceOf(DedupMessage.Draft.class);
        assertThat(((DedupMessage.Draft) read).article()).isEqualTo(article);
        assertThat(((DedupMessage.Draft) read).expectedVotes()).isEqualTo(7);
    }

    @Test
    void votesAnswersPendingStatesAndProbesRoundTrip() {
        Serde<DedupMessage> messages = InternalSerdes.message();
        DedupVote vote = DedupVote.unique("a-3", "hash:ab", DedupKeyKind.values()[0]);
        DedupMessage.Vote wrapped = new DedupMessage.Vote(vote);
        DedupMessage.Answer answer = new DedupMessage.Answer(vote);
        assertThat(messages.deserializer().deserialize(TOPIC, messages.serializer().serialize(TOPIC, wrapped)))
                .isEqualTo(wrapped);
        assertThat(messages.deserializer().deserialize(TOPIC, messages.serializer().serialize(TOPIC, answer)))
                .isEqualTo(answer);

        PendingDedup pending = new PendingDedup(true, 3, List.of(vote), 1_000L, 2_000L);
        Serde<PendingDedup> pendingSerde = InternalSerdes.pending();
        assertThat(pendingSerde.deserializer().deserialize(TOPIC, pendingSerde.serializer().serialize(TOPIC, pending)))
                .isEqualTo(pending);

        DedupProbe probe = new DedupProbe("a-3", 5L, DedupKeyKind.values()[0], new byte[] {1, 2, 3});
        DedupProbe read = InternalSerdes.probe().deserializer().deserialize(TOPIC,
                InternalSerdes.probe().serializer().serialize(TOPIC, probe));
        assertThat(read.articleId()).isEqualTo("a-3");
        assertThat(read.fingerprint()).containsExactly(1, 2, 3);
    }

    @Test
    void probeGroupsAndVoteGroupsRoundTrip() {
        DedupProbes probes = new DedupProbes("a-4", 7L, new byte[] {4, 5}, List.of(
                new DedupProbes.Key("hash:cd", DedupKeyKind.CONTENT_HASH),
                new DedupProbes.Key("band:3:ef", DedupKeyKind.FINGERPRINT_BAND)));
        DedupProbes read = InternalSerdes.probes().deserializer().deserialize(TOPIC,
                InternalSerdes.probes().serializer().serialize(TOPIC, probes));
        assertThat(read.articleId()).isEqualTo("a-4");
        assertThat(read.timestamp()).isEqualTo(7L);
        assertThat(read.fingerprint()).containsExactly(4, 5);
        assertThat(read.keys()).isEqualTo(probes.keys());
        assertThat(read.probe(read.keys().get(0)).fingerprint()).as("exact keys are stored without it").isEmpty();
        assertThat(read.probe(read.keys().get(1)).fingerprint()).containsExactly(4, 5);

        Serde<DedupMessage> messages = InternalSerdes.message();
        DedupMessage.Votes votes = new DedupMessage.Votes(List.of(
                DedupVote.unique("a-4", "hash:cd", DedupKeyKind.CONTENT_HASH),
                new DedupVote("a-4", "band:3:ef", "a-1", DedupKeyKind.FINGERPRINT_BAND, 0.93)));
        assertThat(messages.deserializer().deserialize(TOPIC, messages.serializer().serialize(TOPIC, votes)))
                .isEqualTo(votes);
    }

    @Test
    void manyThreadsShareTheSerdeWithoutMixingArticles() throws Exception {
        Serde<EnrichedArticle> serde = InternalSerdes.draft();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        // lengths vary so that a reused buffer would leak a longer article's tail
                        EnrichedArticle article = article("t" + thread + "-" + i, "word ".repeat(1 + (i * 37) % 900));
                        byte[] bytes = serde.serializer().serialize(TOPIC, article);
                        if (!serde.deserializer().deserialize(TOPIC, bytes).equals(article)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void corruptRecordsFailWithASerializationException() {
        byte[] good = InternalSerdes.draft().serializer().serialize(TOPIC, article("a-4", "Some text here."));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 9;

        assertThatThrownBy(() -> InternalSerdes.draft().deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Corrupt internal dedup draft");
        assertThatThrownBy(() -> InternalSerdes.draft().deserializer().deserialize(TOPIC, otherFormat))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown internal format version 9");
        byte[] message = InternalSerdes.message().serializer()
                .serialize(TOPIC, new DedupMessage.Draft(article("a-5", "Text."), 2));
        assertThatThrownBy(() -> InternalSerdes.message().deserializer()
                .deserialize(TOPIC, java.util.Arrays.copyOf(message, message.length - 3)))
                .isInstanceOf(SerializationException.class);
    }

    private static byte[] avro(EnrichedArticle article) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(EnrichedArticle.class).write(article, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    private static EnrichedArticle article(String id, String body) {
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setTitle("Title " + id)
                .setBody(body)
                .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setProcessedAt(Instant.ofEpochMilli(1_700_000_000_500L))
                .setRemovedBlocks(List.of(new RemovedBlock("Leave a Comment", "comment-widget")))
                .setEntities(List.of(Entity.newBuilder().setText("Berlin").setType(EntityType.LOC).setStart(0)
                        .setEnd(6).setCanonical("Berlin").setCount(1).setSalience(0.5)
                        .setMentions(List.of(new Mention("Berlin", 0, 6))).build()))
                .setContentHash("ab".repeat(32))
                .setFingerprint(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 2}))
                .setWordCount(2)
                .setPipelineVersion("test")
                .setHeaders(Map.of("x-feed", "wire"))
                .build();
    }
}
