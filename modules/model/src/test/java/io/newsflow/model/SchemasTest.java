package io.newsflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schema in schemas/ parses, matches its generated class, and the generated classes round-trip. */
class SchemasTest {

    static final Path SCHEMAS = Path.of("../../schemas");

    @BeforeAll
    static void trustGeneratedClasses() {
        TrustedModelClasses.register();
    }

    static Stream<Path> schemaFiles() throws IOException {
        return Files.list(SCHEMAS).filter(p -> p.toString().endsWith(".avsc")).sorted();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everySchemaParsesAndMatchesItsGeneratedClass(Path file) throws Exception {
        Schema parsed = new Schema.Parser().parse(file.toFile());
        Class<?> generated = Class.forName(parsed.getFullName());
        Schema compiled = (Schema) generated.getField("SCHEMA$").get(null);
        // The compiler adds avro.java.string properties; the parsing form ignores them and docs.
        assertThat(SchemaNormalization.toParsingForm(compiled)).isEqualTo(SchemaNormalization.toParsingForm(parsed));
        assertThat(TrustedModelClasses.CLASSES).contains(generated);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everyOptionalFieldHasADefaultSoReadersOfOldDataStillWork(Path file) throws Exception {
        Schema schema = new Schema.Parser().parse(file.toFile());
        for (Schema.Field field : schema.getFields()) {
            if (field.schema().isNullable()) {
                assertThat(field.hasDefaultValue()).as("%s.%s", schema.getName(), field.name()).isTrue();
            }
        }
    }

    @Test
    void rawArticleRoundTrips() throws IOException {
        RawArticle raw = RawArticle.newBuilder()
                .setId("a-1").setUrl("https://example.org/a?utm_source=x").setSource("example.org")
                .setTitle("Title ünïcödé").setBody("Body “quoted”.").setLanguage("en")
                .setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setFetchedAt(Instant.ofEpochMilli(1_700_000_001_000L))
                .setHeaders(Map.of("feed", "https://example.org/rss"))
                .build();
        assertThat(roundTrip(raw)).isEqualTo(raw);
        assertThat(raw.getContentType()).isEqualTo("text/plain");
    }

    @Test
    void enrichedDuplicateAndDeadLetterRoundTrip() throws IOException {
        Entity entity = Entity.newBuilder().setText("Putin").setType(EntityType.PER).setStart(0).setEnd(5)
                .setCanonical("Vladimir Putin").setCount(2).setSalience(0.8)
                .setMentions(List.of(new Mention("Putin", 0, 5), new Mention("Vladimir Putin", 20, 34))).build();
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setId("a-1").setBody("Putin spoke. Later, Vladimir Putin left.")
                .setProcessedAt(Instant.ofEpochMilli(1_700_000_002_000L))
                .setRemovedBlocks(List.of(new RemovedBlock("Leave a Comment", "comment-widget")))
                .setEntities(List.of(entity))
                .setContentHash("ab").setFingerprint(java.nio.ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 7})).setWordCount(7).setPipelineVersion("test")
                .build();
        assertThat(roundTrip(enriched)).isEqualTo(enriched);

        DuplicateArticle duplicate = DuplicateArticle.newBuilder().setId("a-2").setDuplicateOf("a-1")
                .setKind(DuplicateKind.NEAR).setSimilarity(0.93).setDetectedAt(Instant.ofEpochMilli(5)).build();
        assertThat(roundTrip(duplicate)).isEqualTo(duplicate);

        DeadLetter deadLetter = DeadLetter.newBuilder().setSourceTopic("news.raw").setPartition(3).setOffset(42)
                .setKey(null).setValue(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setStage("deserialize").setErrorClass("SerializationException").setErrorMessage("bad magic byte")
                .setTimestamp(Instant.ofEpochMilli(1)).setFailedAt(Instant.ofEpochMilli(2)).build();
        assertThat(roundTrip(deadLetter)).isEqualTo(deadLetter);
    }

    @Test
    void aReaderOnTheCurrentSchemaReadsDataWrittenWithoutTheOptionalFields() {
        Schema minimalWriter = new Schema.Parser().parse("""
                {"type":"record","name":"RawArticle","namespace":"io.newsflow.model","fields":[
                  {"name":"id","type":"string"},{"name":"body","type":"string"}]}""");
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(RawArticle.getClassSchema(), minimalWriter)
                .getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        return (T) new SpecificDatumReader<T>(record.getSchema()).read(null, decoder);
    }
}
