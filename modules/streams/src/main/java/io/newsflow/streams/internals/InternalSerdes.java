package io.newsflow.streams.internals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.TrustedModelClasses;

/**
 * Compact binary serdes for the dedup stage's repartition topics and stores. These are internal to one
 * application version, so they skip the schema registry (no lookup per record); each value starts with a
 * format version byte so a later release can still read what an older one left in a changelog.
 */
public final class InternalSerdes {

    private static final byte FORMAT_V1 = 1;
    private static final byte DRAFT = 1;
    private static final byte VOTE = 2;
    private static final byte ANSWER = 3;
    private static final byte VOTES = 4;
    private static final byte[] DRAFT_HEADER = {FORMAT_V1};
    private static final byte[] DRAFT_MESSAGE_HEADER = {FORMAT_V1, DRAFT};

    static {
        TrustedModelClasses.register();
    }

    private InternalSerdes() {
    }

    public static Serde<DedupProbe> probe() {
        return Serdes.serdeFrom((topic, probe) -> probe == null ? null : write(out -> {
            out.writeUTF(probe.articleId());
            out.writeLong(probe.timestamp());
            out.writeByte(probe.kind().ordinal());
            writeBytes(out, probe.fingerprint());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new DedupProbe(in.readUTF(), in.readLong(),
                DedupKeyKind.values()[in.readByte()], readBytes(in))));
    }

    /** One article's keys for one index partition; the fingerprint once, however many band keys use it. */
    public static Serde<DedupProbes> probes() {
        return Serdes.serdeFrom((topic, probes) -> probes == null ? null : write(out -> {
            out.writeUTF(probes.articleId());
            out.writeLong(probes.timestamp());
            writeBytes(out, probes.fingerprint());
            out.writeInt(probes.keys().size());
            for (DedupProbes.Key key : probes.keys()) {
                out.writeUTF(key.value());
                out.writeByte(key.kind().ordinal());
            }
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
            String articleId = in.readUTF();
            long timestamp = in.readLong();
            byte[] fingerprint = readBytes(in);
            int count = in.readInt();
            List<DedupProbes.Key> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(new DedupProbes.Key(in.readUTF(), DedupKeyKind.values()[in.readByte()]));
            }
            return new DedupProbes(articleId, timestamp, fingerprint, keys);
        }));
    }

    public static Serde<DedupMessage> message() {
        return Serdes.serdeFrom((topic, message) -> message == null ? null
                : message instanceof DedupMessage.Draft draft ? withArticle(DRAFT_MESSAGE_HEADER, draft.article(),
                        OptionalInt.of(draft.expectedVotes()))
                : write(out -> {
            if (message instanceof DedupMessage.Vote vote) {
                out.writeByte(VOTE);
                writeVote(out, vote.vote());
            } else if (message instanceof DedupMessage.Answer answer) {
                out.writeByte(ANSWER);
                writeVote(out, answer.vote());
            } else if (message instanceof DedupMessage.Votes votes) {
                out.writeByte(VOTES);
                out.writeInt(votes.votes().size());
                for (DedupVote vote : votes.votes()) {
                    writeVote(out, vote);
                }
            }
        }), (topic, bytes) -> bytes == null ? null : bytes.length > 1 && bytes[1] == DRAFT ? readDraftMessage(bytes)
                : read(bytes, in -> {
            byte type = in.readByte();
            if (type == VOTE) {
                return new DedupMessage.Vote(readVote(in));
            }
            if (type == ANSWER) {
                return new DedupMessage.Answer(readVote(in));
            }
            if (type == VOTES) {
                int count = in.readInt();
                List<DedupVote> votes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    votes.add(readVote(in));
                }
                return new DedupMessage.Votes(votes);
            }
            throw new SerializationException("Unknown dedup message type " + type);
        }));
    }

    public static Serde<PendingDedup> pending() {
        return Serdes.serdeFrom((topic, pending) -> pending == null ? null : write(out -> {
            out.writeBoolean(pending.hasDraft());
            out.writeInt(pending.expectedVotes());
            out.writeLong(pending.firstSeenMs());
            out.writeLong(pending.settlesAtMs());
            out.writeInt(pending.votes().size());
            for (DedupVote vote : pending.votes()) {
                writeVote(out, vote);
            }
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
            boolean hasDraft = in.readBoolean();
            int expected = in.readInt();
            long firstSeen = in.readLong();
            long settlesAt = in.readLong();
            int count = in.readInt();
            List<DedupVote> votes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                votes.add(readVote(in));
            }
            return new PendingDedup(hasDraft, expected, List.copyOf(votes), firstSeen, settlesAt);
        }));
    }

    /** Drafts waiting for their dedup verdict. */
    public static Serde<EnrichedArticle> draft() {
        return Serdes.serdeFrom(
                (topic, draft) -> draft == null ? null : withArticle(DRAFT_HEADER, draft, OptionalInt.empty()),
                (topic, bytes) -> bytes == null ? null : readDraft(bytes));
    }

    private static void writeVote(DataOutputStream out, DedupVote vote) throws IOException {
        out.writeUTF(vote.articleId());
        out.writeUTF(vote.dedupKey());
        out.writeBoolean(vote.duplicateOf() != null);
        if (vote.duplicateOf() != null) {
            out.writeUTF(vote.duplicateOf());
        }
        out.writeByte(vote.kind().ordinal());
        out.writeDouble(vote.similarity());
    }

    private static DedupVote readVote(DataInputStream in) throws IOException {
        String articleId = in.readUTF();
        String key = in.readUTF();
        String duplicateOf = in.readBoolean() ? in.readUTF() : null;
        return new DedupVote(articleId, key, duplicateOf, DedupKeyKind.values()[in.readByte()], in.readDouble());
    }

    /**
     * One stream thread's Avro reader and writer of articles, their coders and an encoding buffer, reused from
     * article to article: each article crosses these serdes four times (the draft message and the draft store,
     * each written and read), and building a reader per article cost more than reading it.
     */
    private static final class ArticleCodec {
        final SpecificDatumWriter<EnrichedArticle> writer = new SpecificDatumWriter<>(EnrichedArticle.class);
        final SpecificDatumReader<EnrichedArticle> reader = new SpecificDatumReader<>(EnrichedArticle.class);
        final Buffer buffer = new Buffer();
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(16 * 1024);
        }

        byte[] array() {
            return buf;
        }
    }

    private static final ThreadLocal<ArticleCodec> CODECS = ThreadLocal.withInitial(ArticleCodec::new);

    /**
     * {@code header}, the length of the article's Avro encoding as an int, that encoding, then {@code trailer}
     * if present: the layout {@code DataOutputStream} gave the first release, written with a single copy.
     */
    static byte[] withArticle(byte[] header, EnrichedArticle article, OptionalInt trailer) {
        ArticleCodec codec = CODECS.get();
        codec.buffer.reset();
        codec.encoder = EncoderFactory.get().binaryEncoder(codec.buffer, codec.encoder);
        try {
            codec.writer.write(article, codec.encoder);
            codec.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int length = codec.buffer.size();
        ByteBuffer framed = ByteBuffer.allocate(header.length + Integer.BYTES + length
                + (trailer.isPresent() ? Integer.BYTES : 0));
        framed.put(header).putInt(length).put(codec.buffer.array(), 0, length);
        trailer.ifPresent(framed::putInt);
        return framed.array();
    }

    private static EnrichedArticle readDraft(byte[] bytes) {
        checkFormat(bytes);
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, DRAFT_HEADER.length, bytes.length - DRAFT_HEADER.length);
            int length = in.getInt();
            return decodeArticle(bytes, in.position(), length);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Corrupt internal dedup draft: " + e.getMessage(), e);
        }
    }

    private static DedupMessage.Draft readDraftMessage(byte[] bytes) {
        checkFormat(bytes);
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, DRAFT_MESSAGE_HEADER.length,
                    bytes.length - DRAFT_MESSAGE_HEADER.length);
            int length = in.getInt();
            EnrichedArticle article = decodeArticle(bytes, in.position(), length);
            in.position(in.position() + length);
            return new DedupMessage.Draft(article, in.getInt());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Corrupt internal dedup record: " + e.getMessage(), e);
        }
    }

    private static EnrichedArticle decodeArticle(byte[] bytes, int offset, int length) throws IOException {
        if (length < 0 || offset + length > bytes.length) {
            throw new IOException("article length " + length + " overruns the record's " + bytes.length + " bytes");
        }
        ArticleCodec codec = CODECS.get();
        codec.decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, codec.decoder);
        return codec.reader.read(null, codec.decoder);
    }

    private static void checkFormat(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
            throw new SerializationException("Unknown internal format version "
                    + (bytes.length == 0 ? "(empty record)" : bytes[0]));
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_V1) {
                throw new SerializationException("Unknown internal format version " + format);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new SerializationException("Corrupt internal dedup record: " + e.getMessage(), e);
        }
    }
}
