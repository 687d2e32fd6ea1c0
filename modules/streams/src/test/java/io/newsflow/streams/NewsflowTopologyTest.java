package io.newsflow.streams;

import static io.newsflow.streams.TestArticles.FOOTER;
import static io.newsflow.streams.TestArticles.PORT_STRIKE;
import static io.newsflow.streams.TestArticles.RATE_DECISION;
import static io.newsflow.streams.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.DuplicateKind;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.model.EntityType;
import io.newsflow.model.RawArticle;
import io.newsflow.serde.MockSchemaRegistry;
import io.newsflow.streams.internals.InternalSerdes;
import io.newsflow.streams.stages.EntityTagging;

/** The whole topology on TopologyTestDriver, with newsflow's serde on a mock:// registry. */
class NewsflowTopologyTest {

    @TempDir
    Path stateDir;

    private final String scope = "topology-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DuplicateArticle> duplicates;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private Serde<RawArticle> rawSerde;

    /** Tags "Valmora" as a place wherever it occurs: enough to see the tag stage fill the record. */
    private static final EntityTagging VALMORA_TAGGER = (title, body) -> {
        int start = body.indexOf("Valmora");
        if (start < 0) {
            return List.of();
        }
        return List.of(Entity.newBuilder().setText("Valmora").setType(EntityType.LOC).setStart(start)
                .setEnd(start + 7).setCanonical("Valmora").setCount(1).build());
    };

    @BeforeEach
    void start() {
        startDriver(0);
    }

    /** @param settleMs dedup.settle.ms: 0 emits new stories at once, so most tests need not advance the clock */
    private void startDriver(long settleMs) {
        startDriver(settleMs, VALMORA_TAGGER);
    }

    private void startDriver(long settleMs, EntityTagging tagger) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.DEDUP_SETTLE_MS, settleMs);
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
        settings.put(NewsflowConfig.MAX_BODY_BYTES, 64 * 1024);
        // TopologyTestDriver's mock transactions drop the dead letters a deserialization handler returns under
        // exactly_once_v2; the topology is the same either way, and the ITs cover exactly-once on a real broker.
        settings.put(NewsflowConfig.PROCESSING_GUARANTEE, "at_least_once");
        NewsflowConfig config = new NewsflowConfig(settings);
        ValueSerdes serdes = new ValueSerdes(config);
        Properties props = config.streamsProperties();
        driver = new TopologyTestDriver(NewsflowTopology.build(config, serdes, tagger), props);

        Topics topics = config.topics();
        rawSerde = serdes.forValues(RawArticle.class);
        raw = driver.createInputTopic(topics.raw(), new StringSerializer(), rawSerde.serializer());
        rawBytes = driver.createInputTopic(topics.raw(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.enriched(), new StringDeserializer(),
                serdes.forValues(EnrichedArticle.class).deserializer());
        duplicates = driver.createOutputTopic(topics.duplicates(), new StringDeserializer(),
                serdes.forValues(DuplicateArticle.class).deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(),
                serdes.forValues(DeadLetter.class).deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aNewArticleIsCleanedFingerprintedTaggedAndEnriched() {
        raw.pipeInput("a-1", article("a-1", "https://Gazette.example/port/strike/?utm_source=x#top", "gazette.example",
                "Port strike", PORT_STRIKE + "\n\nShare this: Facebook Twitter WhatsApp\n\nLeave a Comment"));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).hasSize(1);
        EnrichedArticle article = out.get(0);
        assertThat(article.getId()).isEqualTo("a-1");
        assertThat(article.getBody()).startsWith("Dock workers at the port of Valmora")
                .contains("A spokesman for the company declined to comment.")
                .doesNotContain("Share this").doesNotContain("Leave a Comment");
        assertThat(article.getRemovedBlocks()).extracting(block -> block.getText())
                .contains("Share this: Facebook Twitter WhatsApp", "Leave a Comment");
        assertThat(article.getCanonicalUrl()).isEqualTo("https://gazette.example/port/strike");
        assertThat(article.getContentHash()).hasSize(64);
        assertThat(article.getWordCount()).isGreaterThan(100);
        assertThat(article.getEntities()).extracting(Entity::getCanonical).containsExactly("Valmora");
        assertThat(article.getBody().substring(article.getEntities().get(0).getStart(),
                article.getEntities().get(0).getEnd())).isEqualTo("Valmora");
        assertThat(duplicates.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void theSameUrlWithTrackingParametersIsAnExactDuplicate() {
        raw.pipeInput("a-1", article("a-1", "https://gazette.example/port/strike", "gazette.example", "Port strike",
                PORT_STRIKE));
        raw.pipeInput("a-2", article("a-2", "https://gazette.example/port/strike?utm_source=twitter&fbclid=abc",
                "gazette.example", "Port strike (updated)", PORT_STRIKE + "\n\nUpdated at 10:00."));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1");
        DuplicateArticle duplicate = duplicates.readValue();
        assertThat(duplicate.getId()).isEqualTo("a-2");
        assertThat(duplicate.getDuplicateOf()).isEqualTo("a-1");
        assertThat(duplicate.getKind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(duplicate.getMatchedOn()).isEqualTo("canonical-url");
    }

    @Test
    void theSameBodyUnderAnotherUrlIsAnExactDuplicateByContentHash() {
        raw.pipeInput("a-1", article("a-1", "https://gazette.example/a", "gazette.example", "Rates", RATE_DECISION));
        raw.pipeInput("b-1", article("b-1", "https://wire.example/b", "wire.example", "Norland holds rates",
                RATE_DECISION.replace("  ", " ")));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1");
        DuplicateArticle duplicate = duplicates.readValue();
        assertThat(duplicate.getDuplicateOf()).isEqualTo("a-1");
        assertThat(duplicate.getKind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(duplicate.getMatchedOn()).isEqualTo("content-hash");
    }

    @Test
    void aRepublishedCopyWithAParagraphDroppedAndACreditAddedIsANearDuplicate() {
        raw.pipeInput("a-1", article("a-1", "https://gazette.example/strike", "gazette.example", "Port strike",
                PORT_STRIKE));
        String[] paragraphs = PORT_STRIKE.split("\n\n");
        String republished = paragraphs[0] + "\n\n" + paragraphs[1] + "\n\n" + paragraphs[3]
                + "\n\nReporting by Anna Lindqvist; editing by Tom Harker.";
        raw.pipeInput("w-9", article("w-9", "https://wire.example/valmora-dockers-strike", "wire.example",
                "Valmora dockers walk out", republished));
        raw.pipeInput("r-1", article("r-1", "https://gazette.example/rates", "gazette.example", "Rates", RATE_DECISION));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1", "r-1");
        DuplicateArticle duplicate = duplicates.readValue();
        assertThat(duplicate.getId()).isEqualTo("w-9");
        assertThat(duplicate.getDuplicateOf()).isEqualTo("a-1");
        assertThat(duplicate.getKind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(duplicate.getSimilarity()).isBetween(0.5, 1.0);
    }

    @Test
    void anOriginalProcessedAfterItsYoungerCopyStillWinsWhileTheCopySettles() {
        stop();
        startDriver(500);
        Instant sent = Instant.parse("2026-11-20T10:00:00Z");
        raw.pipeInput("copy", article("copy", "https://gazette.example/strike?utm_source=x", "gazette.example",
                "Strike", PORT_STRIKE), sent.plusSeconds(5));
        raw.pipeInput("orig", article("orig", "https://gazette.example/strike", "gazette.example", "Strike",
                PORT_STRIKE), sent);

        assertThat(enriched.isEmpty()).as("new stories wait dedup.settle.ms").isTrue();
        DuplicateArticle duplicate = duplicates.readValue();
        assertThat(duplicate.getId()).isEqualTo("copy");
        assertThat(duplicate.getDuplicateOf()).isEqualTo("orig");
        assertThat(duplicate.getKind()).isEqualTo(DuplicateKind.EXACT);

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("orig");
        assertThat(duplicates.isEmpty()).isTrue();
    }

    @Test
    void anOriginalProcessedAfterItsCopyWasPublishedBecomesTheCopysDuplicate() {
        // A backlog worked off partition by partition: the younger copy is published before the older original
        // is even read. The story must still come out once, not twice (and never zero times).
        Instant sent = Instant.parse("2026-11-20T10:00:00Z");
        raw.pipeInput("copy", article("copy", "https://gazette.example/strike?utm_source=x", "gazette.example",
                "Strike", PORT_STRIKE), sent.plusSeconds(5));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("copy");

        raw.pipeInput("orig", article("orig", "https://gazette.example/strike", "gazette.example", "Strike",
                PORT_STRIKE), sent);
        raw.pipeInput("other", article("other", "https://gazette.example/rates", "gazette.example", "Rates",
                RATE_DECISION), sent.plusSeconds(1));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("other");
        DuplicateArticle duplicate = duplicates.readValue();
        assertThat(duplicate.getId()).isEqualTo("orig");
        assertThat(duplicate.getDuplicateOf()).isEqualTo("copy");
        assertThat(duplicate.getKind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(duplicates.isEmpty()).as("the copy is not also reported as a duplicate").isTrue();
    }

    @Test
    void theSameArticleSentTwiceIsReportedOnceAsADuplicateOfItself() {
        RawArticle article = article("a-1", "https://gazette.example/strike", "gazette.example", "Strike", PORT_STRIKE);
        raw.pipeInput("a-1", article);
        raw.pipeInput("a-1", article);

        assertThat(enriched.readValuesToList()).hasSize(1);
        DuplicateArticle duplicate = duplicates.readValue();
        assertThat(duplicate.getId()).isEqualTo("a-1");
        assertThat(duplicate.getDuplicateOf()).isEqualTo("a-1");
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirBytesAndAReasonAndTheNextRecordStillFlows() {
        byte[] notAvro = "{\"id\":\"x\",\"body\":\"plain JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8);
        rawBytes.pipeInput("k-json", notAvro);
        RawArticle empty = article("e-1", null, "gazette.example", "Empty", " ");
        raw.pipeInput("k-empty", empty);
        RawArticle huge = article("h-1", null, "gazette.example", "Huge", "word ".repeat(20_000));
        raw.pipeInput("k-huge", huge);
        RawArticle pdf = article("p-1", null, "gazette.example", "PDF", PORT_STRIKE);
        pdf.setContentType("application/pdf");
        raw.pipeInput("k-pdf", pdf);
        raw.pipeInput("ok", article("ok", "https://gazette.example/rates", "gazette.example", "Rates", RATE_DECISION));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getStage)
                .containsExactly("deserialize", "validate", "validate", "validate");
        assertThat(bytes(letters.get(0).getValue())).isEqualTo(notAvro);
        assertThat(letters.get(0).getErrorMessage()).containsIgnoringCase("magic byte");
        assertThat(bytes(letters.get(1).getValue())).isEqualTo(rawSerde.serializer().serialize("news.raw", empty));
        assertThat(letters.get(1).getErrorMessage()).isEqualTo("Article e-1 has an empty body");
        assertThat(letters.get(2).getErrorMessage()).contains("over the limit of 65536");
        assertThat(letters.get(3).getErrorMessage()).contains("unsupported content type 'application/pdf'");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getSourceTopic()).isEqualTo("news.raw");
            assertThat(letter.getKey()).isNotNull();
        });
        assertThat(new String(bytes(letters.get(1).getKey()), StandardCharsets.UTF_8)).isEqualTo("k-empty");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ok");
    }

    @Test
    void anArticleTheTaggerFailsOnIsADeadLetterWithItsDraftAndTheReasonAndTheNextGoesOn() {
        driver.close();
        startDriver(0, (title, body) -> {
            if (title.contains("Port")) {
                throw new IllegalStateException("tagger choked on " + title);
            }
            return VALMORA_TAGGER.tag(title, body);
        });

        raw.pipeInput("p-1", article("p-1", "https://gazette.example/port", "gazette.example", "Port strike",
                PORT_STRIKE));
        raw.pipeInput("r-1", article("r-1", "https://gazette.example/rates", "gazette.example", "Rates",
                RATE_DECISION));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("tag");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getErrorMessage()).isEqualTo("tagger choked on Port strike");
        assertThat(new String(bytes(letter.getKey()), StandardCharsets.UTF_8)).isEqualTo("p-1");
        EnrichedArticle draft = InternalSerdes.draft().deserializer().deserialize("", bytes(letter.getValue()));
        assertThat(draft.getId()).isEqualTo("p-1");
        assertThat(draft.getBody()).startsWith("Dock workers at the port of Valmora");
        assertThat(letter.getSourceTopic()).endsWith("-tag-queue-changelog");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("r-1");
    }

    @Test
    void aSourcesRecurringFooterIsLearnedAndRemovedFromItsNextArticle() {
        for (int i = 0; i < 10; i++) {
            raw.pipeInput("s-" + i, article("s-" + i, "https://harbour.example/" + i, "harbour.example", "Story " + i,
                    TestArticles.story(i) + "\n\n" + FOOTER));
        }
        enriched.readValuesToList();
        raw.pipeInput("s-next", article("s-next", "https://harbour.example/next", "harbour.example", "Next",
                TestArticles.story(11) + "\n\n" + FOOTER));

        EnrichedArticle next = enriched.readValue();
        assertThat(next.getBody()).doesNotContain("All rights reserved").endsWith(".");
        assertThat(next.getRemovedBlocks()).anySatisfy(block -> {
            assertThat(block.getText()).isEqualTo(FOOTER);
            assertThat(block.getReason()).isEqualTo("learned-template");
        });
    }

    @Test
    void everyInputRecordEndsInExactlyOneOutputTopic() {
        int sent = 0;
        for (int i = 0; i < 12; i++) {
            raw.pipeInput("n-" + i, article("n-" + i, "https://a.example/" + i, "a.example", "T" + i, TestArticles.story(i)));
            sent++;
        }
        raw.pipeInput("d-1", article("d-1", "https://a.example/1?utm_medium=mail", "a.example", "T1", TestArticles.story(1)));
        raw.pipeInput("bad", article("bad", null, "a.example", "T", ""));
        rawBytes.pipeInput("junk", new byte[] {0, 0, 0});
        sent += 3;

        int accounted = enriched.readValuesToList().size() + duplicates.readValuesToList().size()
                + deadLetters.readValuesToList().size();
        assertThat(accounted).isEqualTo(sent);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
