/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Broker properties for a one-node KRaft cluster in combined mode ({@code broker,controller}) on loopback.
 *
 * <p>With a single node every internal topic must have replication factor 1, otherwise consumer groups
 * and transactions wait forever for replicas that never come. Segment and retention sizes are kept small
 * because the broker is for tests and local runs, not for keeping data.
 */
final class SingleNodeSettings {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private SingleNodeSettings() {
    }

    /**
     * Builds the properties; {@code overrides} win over every default here.
     */
    static Properties forNode(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        // One node: every internal topic has a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("min.insync.replicas", "1");
        props.put("default.replication.factor", "1");
        props.put("num.partitions", "1");

        // Tests create their topics explicitly and must not wait for the first rebalance.
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");

        // Small footprint: few threads, small cleaner buffer, small segments, bounded retention.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("background.threads", "2");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        props.put("log.segment.bytes", Integer.toString(8 * 1024 * 1024));
        props.put("log.retention.bytes", Long.toString(64L * 1024 * 1024));
        props.put("log.retention.hours", "24");
        props.put("log.retention.check.interval.ms", "60000");
        props.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));

        props.putAll(overrides);
        return props;
    }
}
