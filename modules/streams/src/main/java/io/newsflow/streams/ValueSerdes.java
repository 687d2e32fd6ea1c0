package io.newsflow.streams;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

import io.newsflow.model.TrustedModelClasses;

/**
 * Creates the Avro value serdes from {@code value.serde.class}, so Confluent's {@code SpecificAvroSerde} can
 * replace newsflow's by class name: the serde gets the whole configuration, as Kafka would give it.
 */
public final class ValueSerdes {

    private final String serdeClass;
    private final Map<String, Object> serdeConfig;

    public ValueSerdes(NewsflowConfig config) {
        this(config.valueSerdeClass(), config.serdeConfig());
    }

    public ValueSerdes(String serdeClass, Map<String, Object> serdeConfig) {
        this.serdeClass = serdeClass;
        this.serdeConfig = Map.copyOf(serdeConfig);
        TrustedModelClasses.register();
    }

    /** A configured value serde for records of {@code type} (the type only documents the caller's intent). */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> forValues(Class<T> type) {
        Serde<T> serde;
        try {
            serde = (Serde<T>) Class.forName(serdeClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ConfigException(NewsflowConfig.VALUE_SERDE_CLASS, serdeClass,
                    "cannot create a Serde of that class (" + e + ")");
        }
        serde.configure(serdeConfig, false);
        return serde;
    }
}
