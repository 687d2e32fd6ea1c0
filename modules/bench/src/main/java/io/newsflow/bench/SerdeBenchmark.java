package io.newsflow.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.SpecificAvroSerde;

/**
 * A RawArticle of about 5 KB through newsflow's Avro serde and back (Confluent framing, schema id from an
 * in-memory {@code mock://} registry, so no network): the per-record cost the serde adds at each topic hop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=io/newsflow/bench/logback-bench.xml")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SerdeBenchmark {

    private static final String TOPIC = "news.raw";

    private SpecificAvroSerde<RawArticle> serde;
    private Serializer<RawArticle> serializer;
    private Deserializer<RawArticle> deserializer;
    private RawArticle[] articles;
    private int next;

    @Setup
    public void configure() {
        TrustedModelClasses.register();
        serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://bench"), false);
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        articles = BenchArticles.raw(false);
    }

    @Benchmark
    public RawArticle serializeAndDeserialize() {
        byte[] bytes = serializer.serialize(TOPIC, articles[next++ & (BenchArticles.SET_SIZE - 1)]);
        return deserializer.deserialize(TOPIC, bytes);
    }

    @TearDown
    public void close() {
        serde.close();
    }
}
