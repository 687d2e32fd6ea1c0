package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class NewsflowConfigTest {

    private static Properties streamsProperties(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(NewsflowConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        settings.put(NewsflowConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081");
        settings.putAll(extra);
        return new NewsflowConfig(settings).streamsProperties();
    }

    @Test
    void producersLingerBrieflyUnlessTheUserSaysOtherwise() {
        String linger = StreamsConfig.producerPrefix("linger.ms");

        assertThat(streamsProperties(Map.of())).containsEntry(linger, 5);
        assertThat(streamsProperties(Map.of("streams." + linger, "50"))).containsEntry(linger, "50");
    }

    @Test
    void commitsEveryFiftyMillisecondsByDefault() {
        assertThat(streamsProperties(Map.of())).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50L);
        assertThat(streamsProperties(Map.of(NewsflowConfig.COMMIT_INTERVAL_MS, "200")))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200L);
    }

    @Test
    void theStreamThreadsFetchSmallChunksOfEachPartitionSoThatTheStagesInterleave() {
        String fetch = StreamsConfig.mainConsumerPrefix("max.partition.fetch.bytes");

        Properties defaults = streamsProperties(Map.of());
        assertThat(defaults).containsEntry(fetch, 64 * 1024);
        // the restore consumer keeps Kafka's default: restoring a changelog wants large fetches
        assertThat(defaults).doesNotContainKey(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"))
                .doesNotContainKey(StreamsConfig.restoreConsumerPrefix("max.partition.fetch.bytes"));
        assertThat(streamsProperties(Map.of("streams." + fetch, "1048576"))).containsEntry(fetch, "1048576");
    }

    @Test
    void anIdleStreamThreadLooksForTaggedArticlesEveryTenMilliseconds() {
        assertThat(streamsProperties(Map.of())).containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L);
        assertThat(streamsProperties(Map.of("streams.poll.ms", "100"))).containsEntry(StreamsConfig.POLL_MS_CONFIG, "100");
    }

    @Test
    void tagsOnOneTaggerThreadPerStreamThreadUnlessTold() {
        assertThat(new NewsflowConfig(Map.of()).tagThreads()).isEqualTo(1);
        assertThat(new NewsflowConfig(Map.of(NewsflowConfig.NUM_STREAM_THREADS, "3")).tagThreads()).isEqualTo(3);
        assertThat(new NewsflowConfig(Map.of(NewsflowConfig.NUM_STREAM_THREADS, "3", NewsflowConfig.TAG_THREADS, "0"))
                .tagThreads()).isZero();
        assertThat(new NewsflowConfig(Map.of(NewsflowConfig.TAG_THREADS, "2")).tagThreads()).isEqualTo(2);
        assertThatThrownBy(() -> new NewsflowConfig(Map.of(NewsflowConfig.TAG_THREADS, "-2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(NewsflowConfig.TAG_THREADS);
    }
}
