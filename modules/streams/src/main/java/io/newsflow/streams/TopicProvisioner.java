package io.newsflow.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates newsflow's topics when they are missing, with the configured partitions and replication. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /**
     * Creates the external topics that are missing.
     *
     * @throws IllegalStateException naming the brokers when they cannot be reached within {@code timeoutMs}
     */
    public static List<String> ensureTopics(NewsflowConfig config, long timeoutMs) {
        return ensure(config, config.topics().all(), timeoutMs);
    }

    /**
     * Creates newsflow's internal topics (today the dedup answers) if missing: needed even when the external
     * topics are managed by hand, as Kafka Streams creates its own repartition and changelog topics.
     */
    public static List<String> ensureInternalTopics(NewsflowConfig config, long timeoutMs) {
        return ensure(config, List.of(config.dedupAnswersTopic()), timeoutMs);
    }

    private static List<String> ensure(NewsflowConfig config, List<String> topics, long timeoutMs) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 30_000));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, config.partitions(), config.replicationFactor())
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                    String.valueOf(config.maxRecordBytes()))));
                }
            }
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                awaitLeaders(admin, created, timeoutMs);
                LOG.info("Created topics {} ({} partitions, replication factor {})", created, config.partitions(),
                        config.replicationFactor());
            }
            return created;
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + config.bootstrapServers() + " did not answer within "
                    + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new IllegalStateException("Kafka at " + config.bootstrapServers() + " did not answer within "
                        + timeoutMs + " ms", e.getCause());
            }
            throw new IllegalStateException("Kafka at " + config.bootstrapServers() + " refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Waits until every partition of the new topics has a leader: Kafka Streams treats a source topic that its
     * first metadata response does not know yet as missing and shuts down.
     */
    private static void awaitLeaders(Admin admin, List<String> topics, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            try {
                boolean ready = admin.describeTopics(topics).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS)
                        .values().stream()
                        .allMatch(description -> description.partitions().stream().allMatch(p -> p.leader() != null));
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("topics " + topics + " have no leaders after " + timeoutMs + " ms");
            }
            Thread.sleep(50);
        }
    }
}
