package io.newsflow.app;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newsflow.ingest.RejectSink;
import io.newsflow.ingest.Rejection;
import io.newsflow.model.DeadLetter;
import io.newsflow.streams.NewsflowConfig;
import io.newsflow.streams.ValueSerdes;

/**
 * Sends what the producer refused (invalid JSON, missing body…) to the dead-letter topic as {@link DeadLetter}
 * records with stage {@value #STAGE}, so input that never became an article is still accounted for there.
 */
final class DeadLetterRejectSink implements RejectSink {

    static final String STAGE = "ingest";

    private final KafkaProducer<String, DeadLetter> producer;
    private final String topic;
    private Future<RecordMetadata> last;

    DeadLetterRejectSink(NewsflowConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRecordBytes());
        this.producer = new KafkaProducer<>(props, new StringSerializer(),
                new ValueSerdes(config).forValues(DeadLetter.class).serializer());
        this.topic = config.topics().deadLetter();
    }

    @Override
    public synchronized void reject(Rejection rejection) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic("file:" + rejection.file())
                .setPartition(-1)
                .setOffset(rejection.line())
                .setKey(null)
                .setValue(ByteBuffer.wrap(rejection.raw()))
                .setStage(STAGE)
                .setErrorClass(rejection.reason().name())
                .setErrorMessage(rejection.detail())
                .setTimestamp(Instant.now())
                .setFailedAt(Instant.now())
                .setHeaders(Map.of("newsflow.ingest-file", rejection.file()))
                .build();
        last = producer.send(new ProducerRecord<>(topic, null, letter));
    }

    @Override
    public synchronized void close() {
        try {
            producer.flush();
            if (last != null) {
                last.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write rejected input to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close();
        }
    }
}
