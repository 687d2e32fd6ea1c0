package io.newsflow.downstream;

import static io.newsflow.downstream.Articles.article;
import static io.newsflow.downstream.Articles.at;
import static io.newsflow.downstream.Articles.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.DeadLetter;
import io.newsflow.model.DuplicateArticle;
import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.EntityMention;
import io.newsflow.model.EntityTrend;
import io.newsflow.model.EntityType;
import io.newsflow.model.SourceStats;
import io.newsflow.serde.MockSchemaRegistry;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.ValueSerdes;

/** The downstream topology on TopologyTestDriver, with newsflow's serde on a mock:// registry. */
class DownstreamTopologyTest {

    @TempDir
    Path stateDir;

    private final String scope = "downstream-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private DownstreamConfig config;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestInputTopic<String, DuplicateArticle> duplicates;
    private TestInputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, EntityMention> mentions;
    private TestOutputTopic<String, EntityTrend> trends;

    @BeforeEach
    void start() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
        settings.put(NewsflowConfig.PROCESSING_GUARANTEE, "at_least_once");
        config = new DownstreamConfig(settings);
        ValueSerdes serdes = new ValueSerdes(config.newsflow());
        driver = new TopologyTestDriver(DownstreamTopology.build(config, serdes), config.streamsProperties(7070));
        StringSerializer keys = new StringSerializer();
        enriched = driver.createInputTopic(config.pipelineTopics().enriched(), keys,
                serdes.forValues(EnrichedArticle.class).serializer());
        duplicates = driver.createInputTopic(config.pipelineTopics().duplicates(), keys,
                serdes.forValues(DuplicateArticle.class).serializer());
        deadLetters = driver.createInputTopic(config.pipelineTopics().deadLetter(), keys,
                serdes.forValues(DeadLetter.class).serializer());
        mentions = driver.createOutputTopic(config.entityMentionsTopic(), new StringDeserializer(),
                serdes.forValues(EntityMention.class).deserializer());
        trends = driver.createOutputTopic(config.entityTrendsTopic(), new StringDeserializer(),
                serdes.forValues(EntityTrend.class).deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void eachArticleYieldsOneMentionPerCanonicalEntityKeyedByTypeAndName() {
        enriched.pipeInput("a-1", article("a-1", "gazette.example", at("10:00"),
                entity(EntityType.PER, "Ada Lovelace", 3, 0.9),
                entity(EntityType.LOC, "Valmora", 2, 0.4),
                // The same canonical entity twice in one article is folded into one mention.
                entity(EntityType.PER, "Ada Lovelace", 1, 0.2)));
        enriched.pipeInput("a-2", article("a-2", "wire.example", at("10:05"),
                entity(EntityType.PER, "Ada Lovelace", 1, 0.5),
                entity(EntityType.ORG, "Valmora", 1, 0.1)));
        enriched.pipeInput("a-3", article("a-3", "wire.example", at("10:06")));

        List<KeyValue<String, EntityMention>> out = mentions.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key, kv -> kv.value.getArticleId(), kv -> kv.value.getCount(),
                kv -> kv.value.getSalience()).containsExactly(
                        tuple("PER:Ada Lovelace", "a-1", 4, 0.9),
                        tuple("LOC:Valmora", "a-1", 2, 0.4),
                        tuple("PER:Ada Lovelace", "a-2", 1, 0.5),
                        tuple("ORG:Valmora", "a-2", 1, 0.1));
        EntityMention first = out.get(0).value;
        assertThat(first.getCanonical()).isEqualTo("Ada Lovelace");
        assertThat(first.getType()).isEqualTo("PER");
        assertThat(first.getSource()).isEqualTo("gazette.example");
        assertThat(first.getTitle()).isEqualTo("Title of a-1");
        assertThat(first.getPublishedAt()).isEqualTo(at("10:00"));
    }

    @Test
    void windowCountsTakeALateArticleWithinGraceAndDropOneAfterGrace() {
        WindowStore<String, Long> hourly = driver.getWindowStore(TrendWindow.HOUR.storeName());
        WindowStore<String, Long> daily = driver.getWindowStore(TrendWindow.DAY.storeName());
        String ada = "PER:Ada Lovelace";
        pipeAda("a-1", at("10:00"));
        pipeAda("a-2", at("10:20"));
        pipeAda("a-3", at("10:40"));
        pipeOther("b-1", at("11:07"));
        // 10:55 is late (stream time is 11:07) but [10:00, 11:00) closes only at 11:10: counted.
        pipeAda("late-in-grace", at("10:55"));
        assertThat(count(hourly, ada, at("10:00"))).isEqualTo(4);

        pipeOther("b-2", at("11:30"));
        double droppedBefore = droppedRecords();
        // 10:10 only falls in hourly windows that closed by 11:20 at the latest: dropped from all of them...
        pipeAda("late-after-grace", at("10:10"));
        assertThat(count(hourly, ada, at("10:00"))).isEqualTo(4);
        assertThat(count(hourly, ada, at("09:15"))).isEqualTo(1);
        // Streams counts a drop per expired window: every hourly window holding 10:10 had closed.
        long hourlyWindowsPerRecord = TrendWindow.HOUR.size().dividedBy(TrendWindow.HOUR.advance());
        assertThat(droppedRecords()).isEqualTo(droppedBefore + hourlyWindowsPerRecord);
        // ...but the day window is open until midnight plus grace, so the day still counts it.
        assertThat(count(daily, ada, Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo(5);
    }

    @Test
    void suppressionEmitsEachWindowOnceWithItsFinalCountAfterItCloses() {
        pipeAda("a-1", at("10:00"));
        pipeAda("a-2", at("10:01"));
        pipeAda("a-3", at("10:02"));
        assertThat(trends.isEmpty()).isTrue();

        // Stream time 11:15 closes (end + 10 min grace) every hourly window ending by 11:05.
        pipeOther("b-1", at("11:15"));
        List<EntityTrend> closed = trends.readValuesToList();
        List<EntityTrend> ada = closed.stream().filter(trend -> trend.getEntity().equals("PER:Ada Lovelace")).toList();
        // Ada's articles (10:00-10:02) fall in the 12 hourly windows starting 09:05..10:00; all end by 11:00.
        assertThat(ada).hasSize(12).allSatisfy(trend -> {
            assertThat(trend.getWindow()).isEqualTo("1h");
            assertThat(trend.getCount()).isEqualTo(3);
            assertThat(trend.getType()).isEqualTo("PER");
            assertThat(trend.getCanonical()).isEqualTo("Ada Lovelace");
        });
        assertThat(ada).extracting(EntityTrend::getWindowStart).doesNotHaveDuplicates()
                .contains(at("09:05"), at("10:00"));
        assertThat(closed).noneMatch(trend -> trend.getEntity().equals("ORG:Harbour Board"));

        pipeOther("b-2", at("12:30"));
        List<EntityTrend> later = trends.readValuesToList();
        assertThat(later).noneMatch(trend -> trend.getEntity().equals("PER:Ada Lovelace"));
        assertThat(later).filteredOn(trend -> trend.getEntity().equals("ORG:Harbour Board"))
                .allSatisfy(trend -> assertThat(trend.getCount()).isEqualTo(1))
                .extracting(EntityTrend::getWindowStart)
                .doesNotHaveDuplicates();
    }

    @Test
    void sourceStatsCountArticlesDuplicatesAttributableDeadLettersAndBoilerplateShare() {
        enriched.pipeInput("a-1", Articles.builder("a-1", "gazette.example", at("10:00"), "x".repeat(60),
                List.of("y".repeat(30), "z".repeat(10))).build());
        enriched.pipeInput("a-2", Articles.builder("a-2", "gazette.example", at("10:01"), "x".repeat(100),
                List.of()).build());
        enriched.pipeInput("a-3", article("a-3", "wire.example", at("10:02")));
        duplicates.pipeInput("d-1", Articles.duplicate("d-1", "a-1", "gazette.example"));
        deadLetters.pipeInput("e-1", Articles.deadLetter("e-1", Map.of(SourceTally.SOURCE_HEADER, "gazette.example")));
        deadLetters.pipeInput("e-2", Articles.deadLetter("e-2", Map.of()));

        KeyValueStore<String, SourceStats> store = driver.getKeyValueStore(DownstreamTopology.SOURCE_STATS_STORE);
        SourceStats gazette = store.get("gazette.example");
        assertThat(gazette.getArticles()).isEqualTo(2);
        assertThat(gazette.getDuplicates()).isEqualTo(1);
        assertThat(gazette.getDeadLetters()).isEqualTo(1);
        assertThat(gazette.getRawChars()).isEqualTo(60 + 40 + 100);
        assertThat(gazette.getRemovedChars()).isEqualTo(40);
        assertThat(gazette.getBoilerplateShare()).isEqualTo(40.0 / 200.0);
        assertThat(store.get("wire.example").getArticles()).isEqualTo(1);
        assertThat(store.get("")).isNull();
    }

    private void pipeAda(String id, Instant publishedAt) {
        enriched.pipeInput(id, article(id, "gazette.example", publishedAt, entity(EntityType.PER, "Ada Lovelace", 1, 0.5)));
    }

    private void pipeOther(String id, Instant publishedAt) {
        enriched.pipeInput(id, article(id, "wire.example", publishedAt, entity(EntityType.ORG, "Harbour Board", 1, 0.5)));
    }

    private static long count(WindowStore<String, Long> store, String key, Instant windowStart) {
        try (WindowStoreIterator<Long> it = store.fetch(key, windowStart, windowStart)) {
            return it.hasNext() ? it.next().value : 0;
        }
    }

    private double droppedRecords() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : driver.metrics().entrySet()) {
            if (metric.getKey().name().equals("dropped-records-total")) {
                total += ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }
}
