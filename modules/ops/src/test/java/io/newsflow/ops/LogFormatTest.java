/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;

/** Each format on a private logger context writing to memory, so the test never touches the build's logging. */
class LogFormatTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void mdc() {
        // SLF4J gives the process's context its MDC adapter; a context made by hand needs one too.
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void jsonWritesOneParseableObjectPerEvent() throws Exception {
        configure(LogFormat.JSON);
        Logger log = context.getLogger("io.newsflow.streams.NewsflowStreamsApp");

        log.info("Kafka Streams state {} -> {}", "REBALANCING", "RUNNING");
        log.warn("Dead letter at stage {}: {}", "validate", "body is 2 MB, \"over\" the limit",
                new IllegalStateException("too big"));

        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        JsonNode info = lines.get(0);
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("io.newsflow.streams.NewsflowStreamsApp");
        assertThat(info.get("formattedMessage").asText()).isEqualTo("Kafka Streams state REBALANCING -> RUNNING");
        assertThat(info.get("timestamp").asLong()).isPositive();
        assertThat(info.has("threadName")).isTrue();
        JsonNode warn = lines.get(1);
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.get("formattedMessage").asText())
                .isEqualTo("Dead letter at stage validate: body is 2 MB, \"over\" the limit");
        assertThat(warn.get("throwable").get("message").asText()).isEqualTo("too big");
    }

    @Test
    void kafkaIsQuietBelowWarnInBothFormats() throws Exception {
        for (LogFormat format : LogFormat.values()) {
            out.reset();
            configure(format);
            context.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig").info("ConsumerConfig values: ...");
            context.getLogger("org.apache.kafka.streams.KafkaStreams").warn("stream thread replaced");
            context.getLogger("io.newsflow.ingest.FeedPoller").info("polled 12 items");

            String written = out.toString(StandardCharsets.UTF_8);
            assertThat(written).as(format.name())
                    .doesNotContain("ConsumerConfig values")
                    .contains("stream thread replaced")
                    .contains("polled 12 items");
        }
    }

    @Test
    void textIsOneHumanReadableLinePerEvent() {
        configure(LogFormat.TEXT);
        context.getLogger("io.newsflow.ops.OpsServer").info("Serving on {}", "http://127.0.0.1:9464");

        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S* INFO  \\[[^]]+] "
                + "io\\.newsflow\\.ops\\.OpsServer - Serving on http://127\\.0\\.0\\.1:9464\\R");
    }

    @Test
    void formatNamesAreParsedCaseInsensitivelyAndUnknownOnesRefused() {
        assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse(" Text ")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yaml").hasMessageContaining("[text, json]");
    }

    @Test
    void applyReconfiguresTheProcessContextBehindSlf4j() throws Exception {
        LoggerContext process = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            assertThat(LogFormat.apply("json")).isEqualTo(LogFormat.JSON);

            ch.qos.logback.classic.Logger root = process.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertThat(root.getAppender("console")).isInstanceOfSatisfying(ConsoleAppender.class,
                    console -> assertThat(console.getEncoder()).isInstanceOf(JsonEncoder.class));
            assertThat(process.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.WARN);
        } finally {
            // Give the rest of the test JVM its logback-test.xml back.
            process.reset();
            new ContextInitializer(process).autoConfig();
        }
    }

    private void configure(LogFormat format) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(out);
        format.configure(context, appender);
    }

    private List<JsonNode> jsonLines() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        return lines;
    }
}
