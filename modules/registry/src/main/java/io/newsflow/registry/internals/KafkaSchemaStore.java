/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the registry in a compacted, single-partition Kafka topic, like Confluent Schema Registry's
 * {@code _schemas}. On start it replays the topic from the beginning; every change is produced and only
 * counts once this instance's own reader has read it back, so all instances on the topic apply the same
 * changes in the same order and a restarted instance serves the same ids.
 *
 * <p>Limit: there is no leader. Instances allocate ids after catching up with the log, and a race between
 * two writers is settled by log order (first record wins, the loser retries). Permanently deleting the
 * winner of such a race can, after compaction, let the loser's record reappear on replay; with one writer
 * at a time, as newsflow runs it, that cannot happen.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final short replicationFactor;
    private final TopicPartition partition;
    private final RegistryState state = new RegistryState();
    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final String clientId = "newsflow-registry-" + UUID.randomUUID();
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private SchemaLogReader reader;
    private Thread readerThread;

    public KafkaSchemaStore(String bootstrapServers, String topic, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.replicationFactor = replicationFactor;
        this.partition = new TopicPartition(topic, 0);
    }

    @Override
    public void start() {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin"));
        ensureTopic();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        reader = new SchemaLogReader(consumer, partition, state, codec);
        readerThread = new Thread(reader, "schema-registry-log-reader-" + topic);
        readerThread.setDaemon(true);
        readerThread.start();
        catchUp();
        log.info("Schema store caught up with {}: {} schemas in {} subjects", describe(), state.schemaCount(),
                state.subjectCount());
    }

    private void ensureTopic() {
        try {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Schema topic '" + topic + "' must have exactly 1 partition, has "
                        + description.partitions().size());
            }
            warnUnlessCompacted();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw storeError("Could not describe schema topic '" + topic + "'", e.getCause());
            }
            createTopic();
        } catch (TimeoutException e) {
            throw storeError("Timed out describing schema topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError("Interrupted describing schema topic '" + topic + "'", e);
        }
    }

    private void createTopic() {
        NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created schema topic '{}' (compacted, 1 partition, replication factor {})", topic,
                    replicationFactor);
        } catch (ExecutionException e) {
            // Another registry starting at the same moment may have created it first; that is fine.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw storeError("Could not create schema topic '" + topic + "'", e.getCause());
            }
        } catch (TimeoutException e) {
            throw storeError("Timed out creating schema topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError("Interrupted creating schema topic '" + topic + "'", e);
        }
    }

    // Without compaction the log grows forever and retention could delete schemas; say so loudly.
    private void warnUnlessCompacted() throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null ? null
                : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (policy == null || !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            log.warn("Schema topic '{}' has cleanup.policy={}; it should be compact or schemas may be lost", topic,
                    policy);
        }
    }

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public void append(SchemaLogRecord record) {
        SchemaLogCodec.Encoded encoded = codec.encode(record);
        Future<RecordMetadata> sent = producer.send(
                new ProducerRecord<>(topic, partition.partition(), encoded.key(), encoded.value()));
        RecordMetadata written;
        try {
            written = sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw storeError("Could not write to schema topic '" + topic + "'", e.getCause());
        } catch (TimeoutException e) {
            throw new RegistryException(RegistryError.OPERATION_TIMEOUT,
                    "Timed out writing to schema topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError("Interrupted writing to schema topic '" + topic + "'", e);
        }
        reader.awaitPosition(written.offset() + 1, TIMEOUT);
    }

    @Override
    public void catchUp() {
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException e) {
            throw storeError("Could not read the end of schema topic '" + topic + "'", e.getCause());
        } catch (TimeoutException e) {
            throw new RegistryException(RegistryError.OPERATION_TIMEOUT,
                    "Timed out reading the end of schema topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError("Interrupted reading the end of schema topic '" + topic + "'", e);
        }
        reader.awaitPosition(end, TIMEOUT);
    }

    @Override
    public String describe() {
        return "Kafka topic '" + topic + "' on " + bootstrapServers;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.stop();
            try {
                readerThread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(RegistryError.STORE_ERROR, message + ": " + cause.getMessage(), cause);
    }
}
