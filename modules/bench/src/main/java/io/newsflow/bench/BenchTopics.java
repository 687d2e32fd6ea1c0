package io.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the benchmark's topics up front. Output topics stamp records with the broker's append time, so a
 * record's timestamp says when the pipeline wrote it (Kafka Streams would otherwise carry the input timestamp
 * through, and latency would read as zero).
 */
final class BenchTopics {

    private static final Logger LOG = LoggerFactory.getLogger(BenchTopics.class);
    private static final long TIMEOUT_SECONDS = 30;

    private BenchTopics() {
    }

    static void create(String bootstrapServers, int partitions, int maxRecordBytes, List<String> inputs,
            List<String> outputs) {
        Map<String, String> common = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes));
        List<NewTopic> topics = new ArrayList<>();
        inputs.forEach(topic -> topics.add(new NewTopic(topic, partitions, (short) 1).configs(common)));
        outputs.forEach(topic -> topics.add(new NewTopic(topic, partitions, (short) 1).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"))));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create benchmark topics " + inputs + outputs, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /** Deletes every topic whose name starts with one of {@code prefixes}; says so, and goes on, if it cannot. */
    static void deleteRun(String bootstrapServers, List<String> prefixes) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(topic -> prefixes.stream().anyMatch(topic::startsWith)).sorted().toList();
            admin.deleteTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Deleted the run's {} topics", topics.size());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not delete the benchmark's topics (names starting with {}): {}", prefixes, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
