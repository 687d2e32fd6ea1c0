/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/**
 * Avro serdes in the Confluent wire format and a Confluent-compatible schema registry client.
 *
 * <p>Kafka Streams applications configure {@link io.newsflow.serde.SpecificAvroSerde} (generated
 * records) or {@link io.newsflow.serde.GenericAvroSerde}; producers and consumers use
 * {@link io.newsflow.serde.KafkaAvroSerializer} and {@link io.newsflow.serde.KafkaAvroDeserializer}.
 * All take Confluent's config keys, listed in {@link io.newsflow.serde.AvroSerdeConfig}, so the
 * classes can replace Confluent's by name. {@code schema.registry.url=mock://scope} selects a
 * {@link io.newsflow.serde.MockSchemaRegistry} scope for tests.
 *
 * <p>Errors: payload problems are {@code SerializationException}s naming the problem; when the
 * cause is a {@link io.newsflow.serde.RegistryUnavailableException} (a Kafka
 * {@code RetriableException}) the registry was down and the record itself may be fine.
 */
package io.newsflow.serde;
