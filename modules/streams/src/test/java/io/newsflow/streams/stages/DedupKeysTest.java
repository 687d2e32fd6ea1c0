package io.newsflow.streams.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import io.newsflow.streams.internals.DedupKeyKind;

class DedupKeysTest {

    private static final DedupKeys KEYS = new DedupKeys(List.of(
            new DedupKeys.Key("url:https://gazette.example/strike", DedupKeyKind.CANONICAL_URL),
            new DedupKeys.Key("hash:9f2c", DedupKeyKind.CONTENT_HASH),
            new DedupKeys.Key("band:0:a1", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:1:b2", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:2:c3", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:3:d4", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:4:e5", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:5:f6", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:6:g7", DedupKeyKind.FINGERPRINT_BAND),
            new DedupKeys.Key("band:7:h8", DedupKeyKind.FINGERPRINT_BAND)));

    @Test
    void eachGroupHoldsTheKeysKafkasPartitionerSendsToOnePartitionAndEveryKeyOnce() {
        for (int partitions : new int[] {1, 2, 4, 7, 12}) {
            List<List<DedupKeys.Key>> groups = KEYS.byPartition(partitions);

            List<DedupKeys.Key> all = new ArrayList<>();
            groups.forEach(all::addAll);
            assertThat(all).as("%d partitions", partitions).containsExactlyInAnyOrderElementsOf(KEYS.keys());
            assertThat(groups).as("%d partitions", partitions).hasSizeLessThanOrEqualTo(partitions);
            for (List<DedupKeys.Key> group : groups) {
                // the group travels under its first key: every key in it must go where that one goes
                int partition = partitionOf(group.get(0), partitions);
                assertThat(group).allSatisfy(key -> assertThat(partitionOf(key, partitions)).isEqualTo(partition));
            }
        }
        assertThat(KEYS.byPartition(1)).singleElement().isEqualTo(KEYS.keys());
    }

    private static int partitionOf(DedupKeys.Key key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.value().getBytes(StandardCharsets.UTF_8), partitions);
    }
}
