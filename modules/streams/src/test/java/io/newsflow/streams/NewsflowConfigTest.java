package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

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
}
