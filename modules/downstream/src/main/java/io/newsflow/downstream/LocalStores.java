package io.newsflow.downstream;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

import io.newsflow.model.SourceStats;

/** The downstream stores this instance hosts (its active tasks only), read-only. */
public interface LocalStores {

    ReadOnlyWindowStore<String, Long> trends(TrendWindow window);

    ReadOnlyKeyValueStore<String, SourceStats> sources();

    /** The stores of a running instance; while it rebalances, reads fail with a 503 {@link QueryFailure}. */
    static LocalStores of(KafkaStreams streams) {
        return new LocalStores() {
            @Override
            public ReadOnlyWindowStore<String, Long> trends(TrendWindow window) {
                try {
                    return streams.store(StoreQueryParameters.fromNameAndType(window.storeName(),
                            QueryableStoreTypes.windowStore()));
                } catch (InvalidStateStoreException e) {
                    throw QueryFailure.unavailable("Store " + window.storeName() + " is not queryable now", e);
                }
            }

            @Override
            public ReadOnlyKeyValueStore<String, SourceStats> sources() {
                try {
                    return streams.store(StoreQueryParameters.fromNameAndType(DownstreamTopology.SOURCE_STATS_STORE,
                            QueryableStoreTypes.keyValueStore()));
                } catch (InvalidStateStoreException e) {
                    throw QueryFailure.unavailable("Store " + DownstreamTopology.SOURCE_STATS_STORE
                            + " is not queryable now", e);
                }
            }
        };
    }
}
