package io.newsflow.downstream;

import static io.newsflow.downstream.Articles.article;
import static io.newsflow.downstream.Articles.at;
import static io.newsflow.downstream.Articles.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.EntityType;
import io.newsflow.model.SourceStats;
import io.newsflow.serde.MockSchemaRegistry;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.ValueSerdes;

/** The per-instance query logic over the stores the topology fills, on TopologyTestDriver. */
class LocalQueriesTest {

    @TempDir
    Path stateDir;

    private final String scope = "local-queries-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private LocalQueries queries;

    @BeforeEach
    void start() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        settings.put(NewsflowConfig.STATE_DIR, stateDir.toString());
        settings.put(NewsflowConfig.PROCESSING_GUARANTEE, "at_least_once");
        DownstreamConfig config = new DownstreamConfig(settings);
        ValueSerdes serdes = new ValueSerdes(config.newsflow());
        driver = new TopologyTestDriver(DownstreamTopology.build(config, serdes), config.streamsProperties(7070));
        enriched = driver.createInputTopic(config.pipelineTopics().enriched(), new StringSerializer(),
                serdes.forValues(EnrichedArticle.class).serializer());
        queries = new LocalQueries(stores());
    }

    private LocalStores stores() {
        return new LocalStores() {
            @Override
            public ReadOnlyWindowStore<String, Long> trends(TrendWindow window) {
                return driver.getWindowStore(window.storeName());
            }

            @Override
            public ReadOnlyKeyValueStore<String, SourceStats> sources() {
                return driver.getKeyValueStore(DownstreamTopology.SOURCE_STATS_STORE);
            }
        };
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void topListsTheTrailingHourByCountAndFiltersByType() {
        // Counted in earlier hours only: must not show in the trailing hour.
        pipe("a-0", "09:10", entity(EntityType.ORG, "Harbour Board", 1, 0.5));
        pipe("a-1", "10:02", entity(EntityType.PER, "Ada Lovelace", 1, 0.5), entity(EntityType.LOC, "Valmora", 1, 0.5));
        pipe("a-2", "10:31", entity(EntityType.PER, "Ada Lovelace", 1, 0.5), entity(EntityType.LOC, "Valmora", 1, 0.5));
        pipe("a-3", "10:47", entity(EntityType.PER, "Ada Lovelace", 1, 0.5), entity(EntityType.PER, "Ben Okri", 1, 0.5));

        Long newest = queries.newestWindowStart(TrendWindow.HOUR);
        assertThat(newest).isEqualTo(at("10:45").toEpochMilli());
        // The same answer when the wall clock is right after the news, and when it is before it.
        assertThat(new LocalQueries(stores(), Clock.fixed(at("10:50"), ZoneOffset.UTC))
                .newestWindowStart(TrendWindow.HOUR)).isEqualTo(newest);
        assertThat(new LocalQueries(stores(), Clock.fixed(at("08:00"), ZoneOffset.UTC))
                .newestWindowStart(TrendWindow.HOUR)).isEqualTo(newest);
        assertThat(queries.newestWindowStart(TrendWindow.DAY)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z")
                .toEpochMilli());
        long trailing = TrendWindow.HOUR.trailingWindowStart(newest);
        assertThat(trailing).isEqualTo(at("09:50").toEpochMilli());

        assertThat(queries.top(TrendWindow.HOUR, trailing, null, 20))
                .extracting(TrendEntry::entity, TrendEntry::count)
                .containsExactly(tuple("PER:Ada Lovelace", 3L), tuple("LOC:Valmora", 2L), tuple("PER:Ben Okri", 1L));
        assertThat(queries.top(TrendWindow.HOUR, trailing, EntityType.PER, 1))
                .extracting(TrendEntry::canonical).containsExactly("Ada Lovelace");
        // The hour 09:10-10:10 holds the Harbour Board article and the first Ada/Valmora one.
        assertThat(queries.top(TrendWindow.HOUR, at("09:10").toEpochMilli(), EntityType.ORG, 20))
                .extracting(TrendEntry::entity, TrendEntry::count).containsExactly(tuple("ORG:Harbour Board", 1L));
    }

    @Test
    void countsListEveryRetainedWindowOfOneEntity() {
        pipe("a-1", "10:02", entity(EntityType.PER, "Ada Lovelace", 1, 0.5));
        pipe("a-2", "10:31", entity(EntityType.PER, "Ada Lovelace", 1, 0.5));

        EntityCounts counts = queries.counts(EntityKey.parse("PER:Ada Lovelace"));
        // 10:02 falls in the 12 hourly windows starting 09:05..10:00, 10:31 in those starting 09:35..10:30.
        assertThat(counts.windows().get("1h")).hasSize(18);
        assertThat(counts.windows().get("1h")).filteredOn(window -> window.count() == 2).hasSize(6);
        assertThat(counts.windows().get("24h")).singleElement().satisfies(day -> {
            assertThat(day.windowStart()).isEqualTo("2026-03-02T00:00:00Z");
            assertThat(day.windowEnd()).isEqualTo("2026-03-03T00:00:00Z");
            assertThat(day.count()).isEqualTo(2);
        });
        assertThat(queries.counts(EntityKey.parse("ORG:Ada Lovelace")).isEmpty()).isTrue();
    }

    @Test
    void nothingCountedYetMeansNoNewestWindow() {
        assertThat(queries.newestWindowStart(TrendWindow.HOUR)).isNull();
    }

    @Test
    void sourcesAreListedAndLookedUp() {
        pipe("a-1", "10:02", entity(EntityType.PER, "Ada Lovelace", 1, 0.5));
        enriched.pipeInput("b-1", article("b-1", "wire.example", at("10:03")));

        assertThat(queries.sources()).extracting(SourceStatsView::source, SourceStatsView::articles)
                .containsExactlyInAnyOrder(tuple("gazette.example", 1L), tuple("wire.example", 1L));
        assertThat(queries.source("wire.example")).hasValueSatisfying(view -> assertThat(view.articles()).isEqualTo(1));
        assertThat(queries.source("nobody.example")).isEmpty();
    }

    private void pipe(String id, String hhmm, io.newsflow.model.Entity... entities) {
        enriched.pipeInput(id, article(id, "gazette.example", at(hhmm), entities));
    }
}
