package io.newsflow.downstream;

import static io.newsflow.downstream.Articles.article;
import static io.newsflow.downstream.Articles.at;
import static io.newsflow.downstream.Articles.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.EntityMention;
import io.newsflow.model.EntityTrend;
import io.newsflow.model.EntityType;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.testkit.NewsflowStackExtension;
import io.newsflow.testkit.TopicReader;

/**
 * The downstream application on a real broker and registry, exactly-once: mentions and window counts read back
 * from its topics, and two instances answering HTTP queries for keys the other one owns.
 */
class DownstreamIT {

    @RegisterExtension
    static final NewsflowStackExtension STACK = new NewsflowStackExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path stateRoot;

    private final List<DownstreamApp> running = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void closeApps() {
        running.forEach(DownstreamApp::close);
    }

    @Test
    void mentionsAndFinalHourlyCountsOnARealBroker() throws Exception {
        DownstreamConfig config = config("single", 2);
        DownstreamApp app = start(config, "instance-1");
        awaitRunning(app);

        Map<String, List<Instant>> published = new LinkedHashMap<>();
        published.put("PER:Ada Lovelace", List.of(at("10:00"), at("10:20"), at("10:40")));
        published.put("LOC:Valmora", List.of(at("10:20"), at("10:50")));
        published.put("ORG:Harbour Board", List.of(at("10:40")));
        List<EnrichedArticle> articles = new ArrayList<>();
        articles.add(article("a-1", "gazette.example", at("10:00"), entity(EntityType.PER, "Ada Lovelace", 2, 0.9)));
        articles.add(article("a-2", "gazette.example", at("10:20"), entity(EntityType.PER, "Ada Lovelace", 1, 0.4),
                entity(EntityType.LOC, "Valmora", 3, 0.8)));
        articles.add(article("a-3", "wire.example", at("10:40"), entity(EntityType.PER, "Ada Lovelace", 1, 0.3),
                entity(EntityType.ORG, "Harbour Board", 1, 0.2)));
        articles.add(article("a-4", "wire.example", at("10:50"), entity(EntityType.LOC, "Valmora", 1, 0.5)));
        produce(config, articles);

        List<ConsumerRecord<String, EntityMention>> mentions = reader(config, EntityMention.class)
                .readUntil(config.entityMentionsTopic(), 6);
        Map<String, Long> mentionsPerEntity = mentions.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
        assertThat(mentionsPerEntity).isEqualTo(Map.of("PER:Ada Lovelace", 3L, "LOC:Valmora", 2L,
                "ORG:Harbour Board", 1L));
        assertThat(mentions).allSatisfy(record -> assertThat(record.value().getEntity()).isEqualTo(record.key()));

        // Lateness, on one entity so that one partition's stream time decides: 11:05 moves stream time past the
        // end of the 10:00 window (11:00) but not past its grace (11:10), so 10:45 still counts there; 11:30 moves
        // it past that grace, so 10:50 is dropped from the 10:00 window (it still counts in later, open windows).
        // The articles go to one partition of news.enriched, so they reach the mention stage in this order: on
        // different partitions, tasks processed in any order could count 10:50 before 11:30 moved stream time.
        List<String> lateIds = keysOnOnePartition("late-", 5, 2);
        List<String> lateTimes = List.of("10:00", "11:05", "10:45", "11:30", "10:50");
        for (int i = 0; i < lateTimes.size(); i++) {
            produce(config, List.of(article(lateIds.get(i), "wire.example", at(lateTimes.get(i)),
                    entity(EntityType.PER, "Grace Keeper", 1, 0.5))));
        }

        // Close the hourly windows: stream time is per partition, so advance every partition past 11:50 + grace.
        List<EnrichedArticle> clocks = new ArrayList<>();
        for (String clock : entityPerPartition(2)) {
            clocks.add(article("clock-" + clock, "clock.example", at("12:30"),
                    entity(EntityType.MISC, clock.substring("MISC:".length()), 1, 0.1)));
        }
        produce(config, clocks);

        Map<String, Map<Instant, Long>> expected = new TreeMap<>();
        published.forEach((entity, times) -> expected.put(entity, hourlyCounts(times)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Map<Instant, Long>> emitted = new TreeMap<>();
            for (ConsumerRecord<String, EntityTrend> record : reader(config, EntityTrend.class)
                    .readToEnd(config.entityTrendsTopic())) {
                EntityTrend trend = record.value();
                if (trend.getWindow().equals("1h") && expected.containsKey(record.key())) {
                    Long previous = emitted.computeIfAbsent(record.key(), key -> new TreeMap<>())
                            .put(trend.getWindowStart(), trend.getCount());
                    assertThat(previous).as("emitted once: %s %s", record.key(), trend.getWindowStart()).isNull();
                }
            }
            assertThat(emitted).isEqualTo(expected);
        });
        assertThat(expected.get("PER:Ada Lovelace")).containsEntry(at("10:00"), 3L).containsEntry(at("09:05"), 1L);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<Instant, Long> graceKeeper = new TreeMap<>();
            for (ConsumerRecord<String, EntityTrend> record : reader(config, EntityTrend.class)
                    .readToEnd(config.entityTrendsTopic())) {
                if (record.key().equals("PER:Grace Keeper") && record.value().getWindow().equals("1h")) {
                    graceKeeper.put(record.value().getWindowStart(), record.value().getCount());
                }
            }
            assertThat(graceKeeper).containsEntry(at("10:00"), 2L).containsEntry(at("10:30"), 3L);
        });

        JsonNode ada = get(app.hostInfo(), "/entities/Ada%20Lovelace");
        assertThat(ada.get("matches")).hasSize(1);
        JsonNode day = ada.get("matches").get(0).get("windows").get("24h").get(0);
        assertThat(day.get("count").asLong()).isEqualTo(3);
        assertThat(status(app.hostInfo(), "/entities/PER:Nobody")).isEqualTo(404);
        assertThat(status(app.hostInfo(), "/trends?window=2h")).isEqualTo(400);
        assertThat(status(app.hostInfo(), "/trends?type=CITY")).isEqualTo(400);
    }

    @Test
    void twoInstancesAnswerForKeysTheOtherOwnsAndMergeTrends() {
        DownstreamConfig config = config("pair", 4);
        DownstreamApp first = start(config, "instance-1");
        DownstreamApp second = start(config, "instance-2");
        awaitRunning(first, second);

        // One entity per partition at least, so both instances own some; entity i appears in i+1 articles.
        List<String> entities = new ArrayList<>(entityPerPartition(4));
        entities.addAll(List.of("MISC:Spare One", "MISC:Spare Two"));
        Map<String, Long> expected = new LinkedHashMap<>();
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            String key = entities.get(i);
            expected.put(key, (long) i + 1);
            for (int n = 0; n <= i; n++) {
                String source = n % 2 == 0 ? "gazette.example" : "wire.example";
                articles.add(article(key + "#" + n, source, at("10:" + (10 + n)),
                        entity(EntityType.MISC, key.substring("MISC:".length()), 1, 0.5)));
            }
        }
        produce(config, articles);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<HostInfo> owners = entities.stream().map(key -> first.streams()
                    .queryMetadataForKey(TrendWindow.HOUR.storeName(), key, new StringSerializer()).activeHost())
                    .collect(Collectors.toSet());
            assertThat(owners).containsExactlyInAnyOrder(first.hostInfo(), second.hostInfo());
            for (DownstreamApp asked : List.of(first, second)) {
                for (Map.Entry<String, Long> entity : expected.entrySet()) {
                    JsonNode answer = get(asked.hostInfo(), "/entities/"
                            + entity.getKey().replace(" ", "%20"));
                    assertThat(answer.get("matches")).hasSize(1);
                    JsonNode days = answer.get("matches").get(0).get("windows").get("24h");
                    assertThat(days.get(0).get("count").asLong()).as("%s asked at %s", entity.getKey(),
                            asked.hostInfo()).isEqualTo(entity.getValue());
                }
                JsonNode trends = get(asked.hostInfo(), "/trends?window=24h&limit=20");
                Map<String, Long> listed = new LinkedHashMap<>();
                trends.get("entities").forEach(entry -> listed.put(entry.get("entity").asText(),
                        entry.get("count").asLong()));
                assertThat(listed).isEqualTo(sortedByCount(expected));
                assertThat(trends.get("windowStart").asText()).isEqualTo("2026-03-02T00:00:00Z");

                JsonNode top = get(asked.hostInfo(), "/trends?window=1h&type=MISC&limit=2");
                assertThat(top.get("entities")).hasSize(2);
                assertThat(top.get("entities").get(0).get("entity").asText()).isEqualTo("MISC:Spare Two");

                Map<String, Long> articlesPerSource = new TreeMap<>();
                get(asked.hostInfo(), "/sources").forEach(source -> articlesPerSource.put(
                        source.get("source").asText(), source.get("articles").asLong()));
                assertThat(articlesPerSource).isEqualTo(articles.stream().collect(Collectors.groupingBy(
                        EnrichedArticle::getSource, TreeMap::new, Collectors.counting())));
                assertThat(get(asked.hostInfo(), "/sources/wire.example").get("articles").asLong())
                        .isEqualTo(articlesPerSource.get("wire.example"));
            }
        });
        assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /** Expected hourly counts computed from the publication times: window [s, s+1h) for every 5-minute s. */
    private static Map<Instant, Long> hourlyCounts(List<Instant> times) {
        Map<Instant, Long> counts = new TreeMap<>();
        long advance = TrendWindow.HOUR.advance().toMillis();
        long size = TrendWindow.HOUR.size().toMillis();
        for (Instant time : times) {
            long newestStart = time.toEpochMilli() / advance * advance;
            for (long start = newestStart; start > time.toEpochMilli() - size; start -= advance) {
                counts.merge(Instant.ofEpochMilli(start), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** MISC entity keys covering every partition, found with the producer's own key hashing. */
    /** {@code count} record keys starting with {@code prefix} that the default partitioner puts on one partition. */
    private static List<String> keysOnOnePartition(String prefix, int count, int partitions) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count; i++) {
            String key = prefix + i;
            if (Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions == 0) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<String> entityPerPartition(int partitions) {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 0; byPartition.size() < partitions; i++) {
            String key = "MISC:Clock " + i;
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            byPartition.putIfAbsent(partition, key);
        }
        return List.copyOf(byPartition.values());
    }

    private DownstreamConfig config(String test, int partitions) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.BOOTSTRAP_SERVERS, STACK.bootstrapServers());
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, STACK.schemaRegistryUrl());
        settings.put(DownstreamConfig.APPLICATION_ID, "downstream-it-" + test + "-" + run);
        String prefix = test + "-" + run + ".";
        settings.put(NewsflowConfig.TOPIC_RAW, prefix + "news.raw");
        settings.put(NewsflowConfig.TOPIC_ENRICHED, prefix + "news.enriched");
        settings.put(NewsflowConfig.TOPIC_DUPLICATES, prefix + "news.duplicates");
        settings.put(NewsflowConfig.TOPIC_DEAD_LETTER, prefix + "news.dead-letter");
        settings.put(DownstreamConfig.TOPIC_ENTITY_MENTIONS, prefix + "news.entity-mentions");
        settings.put(DownstreamConfig.TOPIC_ENTITY_TRENDS, prefix + "news.entity-trends");
        settings.put(NewsflowConfig.TOPIC_PARTITIONS, partitions);
        settings.put(DownstreamConfig.HTTP_BIND_ADDRESS, "127.0.0.1");
        settings.put(DownstreamConfig.HTTP_ADVERTISED_HOST, "127.0.0.1");
        settings.put(DownstreamConfig.HTTP_PORT, 0);
        settings.put("streams.consumer.session.timeout.ms", "10000");
        return new DownstreamConfig(settings);
    }

    private DownstreamApp start(DownstreamConfig base, String instance) {
        Map<String, Object> settings = new HashMap<>(base.originals());
        settings.put(NewsflowConfig.STATE_DIR, stateRoot.resolve(instance).toString());
        DownstreamApp app = new DownstreamApp(new DownstreamConfig(settings)).start();
        running.add(app);
        return app;
    }

    private static void awaitRunning(DownstreamApp... apps) {
        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(apps)
                .allMatch(app -> app.state() == KafkaStreams.State.RUNNING));
    }

    private static void produce(DownstreamConfig config, List<EnrichedArticle> articles) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.newsflow().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ValueSerdes(config.newsflow()).forValues(EnrichedArticle.class).serializer())) {
            articles.forEach(article -> producer.send(new ProducerRecord<>(config.pipelineTopics().enriched(),
                    article.getId(), article)));
        }
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> TopicReader<String, V> reader(
            DownstreamConfig config, Class<V> type) {
        return TopicReader.of(config.newsflow().bootstrapServers(), new StringDeserializer(),
                new ValueSerdes(config.newsflow()).forValues(type).deserializer())
                .withDeadline(Duration.ofSeconds(60));
    }

    private static int status(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s%s: %s", host, pathAndQuery, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
