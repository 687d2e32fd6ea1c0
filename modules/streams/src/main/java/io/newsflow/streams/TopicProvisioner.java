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

/** Creates newsflow's external topics when they are missing, with the configured partitions and replication. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** @throws IllegalStateException naming the brokers when they cannot be reached within {@code timeoutMs} */
    public static List<String> ensureTopics(NewsflowConfig config, long timeoutMs) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 30_000));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : config.topics().all()) {
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
}
