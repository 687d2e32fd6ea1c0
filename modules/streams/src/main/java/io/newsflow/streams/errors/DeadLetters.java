package io.newsflow.streams.errors;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.model.DeadLetter;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.ValueSerdes;
import io.newsflow.streams.stages.StageException;

/**
 * Turns a failed record into a {@link DeadLetter} record for the dead-letter topic: the original key and
 * value bytes, where it came from, the stage and a readable reason. Shared by the three exception handlers
 * and the tag stage.
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_HEADER_VALUE_CHARS = 1024;

    private final String topic;
    private final Serializer<DeadLetter> serializer;
    private final DeadLetterCounter counter;

    DeadLetters(Map<String, ?> configs) {
        NewsflowConfig config = new NewsflowConfig(configs);
        this.topic = config.topics().deadLetter();
        this.serializer = new ValueSerdes(config).forValues(DeadLetter.class).serializer();
        Object counter = configs.get(DeadLetterCounter.CONFIG_KEY);
        this.counter = counter instanceof DeadLetterCounter c ? c : DeadLetterCounter.NONE;
    }

    ProducerRecord<byte[], byte[]> deadLetter(String sourceTopic, int partition, long offset, long timestamp,
            byte[] key, byte[] value, Headers headers, String stage, Exception exception) {
        DeadLetter letter = letter(sourceTopic, partition, offset, timestamp, key, value, headers, stage, exception);
        counter.deadLettered(stage, errorType(exception));
        if (counter instanceof io.newsflow.streams.PipelineMetrics metrics) {
            metrics.recordOut(topic);
        }
        return new ProducerRecord<>(topic, null, key, serializer.serialize(topic, letter));
    }

    /**
     * The dead letter of one record (not counted: the caller counts it). Public for a stage that routes its own
     * failures to the dead-letter topic instead of throwing.
     */
    public static DeadLetter letter(String sourceTopic, int partition, long offset, long timestamp, byte[] key,
            byte[] value, Headers headers, String stage, Throwable exception) {
        String reason = reason(exception);
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(sourceTopic == null ? "" : sourceTopic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setStage(stage)
                .setErrorClass(rootCause(exception).getClass().getName())
                .setErrorMessage(reason)
                .setTimestamp(Instant.ofEpochMilli(Math.max(0, timestamp)))
                .setFailedAt(Instant.now())
                .setHeaders(headerStrings(headers))
                .build();
        LOG.warn("Dead letter from {}-{}@{} at stage {}: {}", sourceTopic, partition, offset, stage, reason);
        return letter;
    }

    /** The simple class name of what went wrong at the bottom, as metrics label it. */
    public static String errorType(Throwable exception) {
        return rootCause(exception).getClass().getSimpleName();
    }

    /** A registry outage or a broker hiccup is not the record's fault: fail, and let the thread retry. */
    static boolean isRetriable(Throwable exception) {
        return Causes.anyOf(exception, RetriableException.class);
    }

    static String stageOf(Exception exception, String fallback) {
        return exception instanceof StageException stageException ? stageException.stage() : fallback;
    }

    static String reason(Throwable exception) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (reason.length() == 0 || !reason.toString().contains(t.getMessage()))) {
                if (reason.length() > 0) {
                    reason.append(": ");
                }
                reason.append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return reason.length() == 0 ? exception.getClass().getSimpleName() : reason.toString();
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Map<String, String> headerStrings(Headers headers) {
        Map<String, String> strings = new HashMap<>();
        if (headers == null) {
            return strings;
        }
        for (Header header : headers) {
            if (header.value() != null) {
                String value = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
                strings.put(header.key(), value.length() > MAX_HEADER_VALUE_CHARS
                        ? value.substring(0, MAX_HEADER_VALUE_CHARS) + "…" : value);
            }
        }
        return strings;
    }
}
