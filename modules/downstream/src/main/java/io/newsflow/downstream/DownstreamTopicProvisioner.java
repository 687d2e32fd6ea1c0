package io.newsflow.downstream;

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
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.streams.NewsflowConfig;

/**
 * Creates the topics the downstream reads (the pipeline's outputs, so it can start before the pipeline) and
 * writes (mentions, trends) when they are missing, with the configured partitions and replication factor.
 */
public final class DownstreamTopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(DownstreamTopicProvisioner.class);

    private DownstreamTopicProvisioner() {
    }

    public static List<String> ensureTopics(DownstreamConfig config, long timeoutMs) {
        NewsflowConfig shared = config.newsflow();
        List<String> wanted = List.of(shared.topics().enriched(), shared.topics().duplicates(),
                shared.topics().deadLetter(), config.entityMentionsTopic(), config.entityTrendsTopic());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shared.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<String> created = new ArrayList<>();
            for (String topic : wanted) {
                if (existing.contains(topic)) {
                    continue;
                }
                NewTopic newTopic = new NewTopic(topic, shared.partitions(), shared.replicationFactor())
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(shared.maxRecordBytes())));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                    created.add(topic);
                } catch (ExecutionException e) {
                    // Another instance starting at the same moment may have created it first.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.info("Created topics {} ({} partitions)", created, shared.partitions());
            }
            return created;
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + shared.bootstrapServers() + " did not answer within "
                    + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + shared.bootstrapServers() + " refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }
}
