package io.newsflow.downstream;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * Where the downstream's state lives, from Kafka Streams' metadata: every instance's {@code application.server}
 * is known to all members of the group, so any instance can find the owner of a key or all hosts of a store.
 */
public final class InstanceDirectory {

    private final KafkaStreams streams;
    private final HostInfo self;

    public InstanceDirectory(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public HostInfo self() {
        return self;
    }

    public boolean isSelf(HostInfo host) {
        return self.equals(host);
    }

    /** Every instance that hosts part of {@code store} (active tasks), this one included. */
    public List<HostInfo> instancesFor(String store) {
        List<HostInfo> hosts = streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .distinct().toList();
        if (hosts.isEmpty()) {
            throw QueryFailure.unavailable("No instance hosts " + store + " yet (state " + streams.state() + ")",
                    null);
        }
        return hosts;
    }

    /** The instance whose active task holds {@code key} in {@code store}; keys are partitioned as Strings. */
    public HostInfo ownerOf(String store, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw QueryFailure.unavailable("The owner of '" + key + "' in " + store + " is not known yet (state "
                    + streams.state() + ")", null);
        }
        return metadata.activeHost();
    }
}
