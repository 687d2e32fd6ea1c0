/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;

/**
 * How newsflow writes its log: {@link #TEXT} lines for a person at a terminal, or {@link #JSON} lines (one
 * object per event, Logback's own {@link JsonEncoder}) for a log collector, chosen with {@code --log-format}.
 *
 * <p>Configured in code rather than with a {@code logback.xml} so that one flag switches it, whatever file the
 * classpath carries. Both formats put Kafka's clients at WARN: at INFO they log every configuration and
 * rebalance step, which drowns the pipeline's own lines.
 */
public enum LogFormat {

    TEXT,
    JSON;

    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
    /** Loggers that are quiet unless something is wrong. */
    static final List<String> QUIET_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger");

    /** Parses {@code text} or {@code json} (any case). */
    public static LogFormat parse(String name) {
        if (name != null) {
            for (LogFormat format : values()) {
                if (format.name().equalsIgnoreCase(name.trim())) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("Unknown log format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * Replaces the logging configuration of the running process with this format on standard output.
     *
     * @return the format applied
     * @throws IllegalArgumentException for an unknown format name
     * @throws IllegalStateException    if SLF4J is not bound to Logback
     */
    public static LogFormat apply(String name) {
        LogFormat format = parse(name);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("--log-format needs Logback behind SLF4J, but SLF4J is bound to "
                    + factory.getClass().getName());
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("console");
        format.configure(context, console);
        return format;
    }

    /**
     * Resets {@code context} to a single appender writing this format, root at INFO and Kafka at WARN. The
     * appender's output stream (standard output for a console appender) is the caller's choice.
     */
    public void configure(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        context.reset();
        Encoder<ILoggingEvent> encoder = encoder(context);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        QUIET_LOGGERS.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }

    private Encoder<ILoggingEvent> encoder(LoggerContext context) {
        if (this == JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // One flat, readable object per line: the formatted message, no raw template or argument array,
            // no context block or nanoseconds that every line would repeat.
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.setCharset(StandardCharsets.UTF_8);
        return text;
    }
}
