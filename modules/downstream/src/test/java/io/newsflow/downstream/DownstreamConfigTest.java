package io.newsflow.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.streams.NewsflowConfig;

/** The downstream's own keys, and what it hands to Kafka Streams on top of the shared newsflow settings. */
class DownstreamConfigTest {

    @Test
    void runsUnderItsOwnApplicationIdEvenWhenThePipelineIdIsSet() {
        DownstreamConfig config = new DownstreamConfig(Map.of(NewsflowConfig.APPLICATION_ID, "newsflow-eu"));

        Properties props = config.streamsProperties(7171);
        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("newsflow-downstream");
        assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("localhost:7171");
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.trendsGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.entityMentionsTopic()).isEqualTo("news.entity-mentions");
        assertThat(config.pipelineTopics().enriched()).isEqualTo("news.enriched");
    }

    @Test
    void skipsUnreadableRecordsInsteadOfDeadLetteringThemUnlessTheUserChoseAHandler() {
        Properties defaults = new DownstreamConfig(Map.of()).streamsProperties(7070);
        assertThat(defaults.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueExceptionHandler.class.getName());

        Properties chosen = new DownstreamConfig(Map.of(NewsflowConfig.STREAMS_PREFIX
                + StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndFailExceptionHandler.class.getName())).streamsProperties(7070);
        assertThat(chosen.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndFailExceptionHandler.class.getName());
    }

    @Test
    void loadsFromFileThenEnvironmentThenFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.properties");
        Files.writeString(file, String.join("\n",
                "bootstrap.servers=broker-from-file:9092",
                "downstream.http.port=7001",
                "downstream.trends.grace.ms=60000",
                "downstream.application.id=from-file"));
        Map<String, String> environment = Map.of(
                "NEWSFLOW_DOWNSTREAM_HTTP_PORT", "7002",
                "NEWSFLOW_BOOTSTRAP_SERVERS", "broker-from-env:9092",
                "NEWSFLOW_DOWNSTREAM_APPLICATION_ID", "from-env");
        DownstreamConfig config = DownstreamConfig.load(file, environment,
                Map.of(DownstreamConfig.APPLICATION_ID, "from-flag"));

        assertThat(config.trendsGrace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.httpPort()).isEqualTo(7002);
        assertThat(config.newsflow().bootstrapServers()).isEqualTo("broker-from-env:9092");
        assertThat(config.applicationId()).isEqualTo("from-flag");
        assertThat(config.newsflow().applicationId()).isEqualTo("from-flag");
    }

    @Test
    void rejectsANegativeGraceNamingTheKey() {
        assertThatThrownBy(() -> new DownstreamConfig(Map.of(DownstreamConfig.TRENDS_GRACE_MS, "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(DownstreamConfig.TRENDS_GRACE_MS);
    }

    @Test
    void windowRetentionCoversAtLeastSizePlusGrace() {
        assertThat(TrendWindow.DAY.retention(Duration.ofHours(1), Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofHours(24).plusMinutes(10));
        assertThat(TrendWindow.HOUR.retention(Duration.ofDays(2), Duration.ofMinutes(10))).isEqualTo(Duration.ofDays(2));
    }
}
