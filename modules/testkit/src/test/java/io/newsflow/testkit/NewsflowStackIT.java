/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.serde.GenericAvroDeserializer;
import io.newsflow.serde.GenericAvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The whole stack: a schema registered over HTTP is the one the Avro serdes use on the real broker. */
class NewsflowStackIT {

    private static final String HEADLINE_SCHEMA = """
            {"type":"record","name":"Headline","namespace":"io.newsflow.testkit.it",
             "fields":[{"name":"title","type":"string"},{"name":"section","type":["null","string"],"default":null}]}""";

    @Test
    void registeredSchemaCarriesRecordsThroughTheBroker() throws Exception {
        try (NewsflowStack stack = NewsflowStack.start()) {
            stack.createTopics(2, "headlines");
            int id = new RegistryHttp(stack.schemaRegistryUrl()).register("headlines-value", HEADLINE_SCHEMA);

            Schema schema = new Schema.Parser().parse(HEADLINE_SCHEMA);
            Map<String, Object> producerConfig = new HashMap<>(stack.serdeConfig());
            producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            producerConfig.put("auto.register.schemas", false);
            try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(producerConfig,
                    new StringSerializer(), serializer(stack))) {
                producer.send(new ProducerRecord<>("headlines", "h1", headline(schema, "Bridge reopens", "local"))).get();
                producer.send(new ProducerRecord<>("headlines", "h2", headline(schema, "Café owner wins award", null))).get();
            }

            GenericAvroDeserializer deserializer = new GenericAvroDeserializer();
            deserializer.configure(stack.serdeConfig(), false);
            List<ConsumerRecord<String, GenericRecord>> records =
                    stack.reader(new StringDeserializer(), deserializer).readToEnd("headlines");
            deserializer.close();

            assertThat(records).hasSize(2);
            Map<String, GenericRecord> byKey = new HashMap<>();
            records.forEach(r -> byKey.put(r.key(), r.value()));
            assertThat(byKey.get("h1").get("title")).hasToString("Bridge reopens");
            assertThat(byKey.get("h1").get("section")).hasToString("local");
            assertThat(byKey.get("h2").get("title")).hasToString("Café owner wins award");
            assertThat(byKey.get("h2").get("section")).isNull();

            // Confluent framing: magic byte 0, then the id the registry handed out over HTTP.
            for (ConsumerRecord<byte[], byte[]> raw : TopicReader.bytes(stack.bootstrapServers()).readToEnd("headlines")) {
                ByteBuffer value = ByteBuffer.wrap(raw.value());
                assertThat(value.get()).isZero();
                assertThat(value.getInt()).isEqualTo(id);
            }
        }
    }

    @Test
    void restartedRegistryKeepsSchemasAndUrl() throws Exception {
        try (NewsflowStack stack = NewsflowStack.start()) {
            String url = stack.schemaRegistryUrl();
            int id = new RegistryHttp(url).register("briefs-value", HEADLINE_SCHEMA);

            stack.restartRegistry();

            assertThat(stack.schemaRegistryUrl()).isEqualTo(url);
            assertThat(new RegistryHttp(url).latestId("briefs-value")).isEqualTo(id);
            assertThat(TopicReader.bytes(stack.bootstrapServers()).readToEnd(NewsflowStack.SCHEMAS_TOPIC)).isNotEmpty();
        }
    }

    private static GenericAvroSerializer serializer(NewsflowStack stack) {
        GenericAvroSerializer serializer = new GenericAvroSerializer();
        Map<String, Object> config = new HashMap<>(stack.serdeConfig());
        config.put("auto.register.schemas", false);
        serializer.configure(config, false);
        return serializer;
    }

    private static GenericRecord headline(Schema schema, String title, String section) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("title", title);
        record.put("section", section);
        return record;
    }
}
