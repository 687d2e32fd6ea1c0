/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/**
 * Exposes Kafka's own metrics (consumer lag, commit rate, task and thread metrics…) next to newsflow's, through
 * Micrometer's Kafka binders. The binders poll Kafka's metric registry in the background, so they are bound once
 * the client exists and closed with it; this class keeps them together so the application closes them all.
 */
public final class KafkaMetricsBridge implements AutoCloseable {

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Runnable> closers = new ArrayList<>();

    /** @param tags extra tags on every Kafka meter, e.g. {@code application.id} */
    public KafkaMetricsBridge(MeterRegistry registry, Iterable<Tag> tags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tags = Tags.of(tags);
    }

    public KafkaMetricsBridge(MeterRegistry registry) {
        this(registry, Tags.empty());
    }

    /** Binds the metrics of a Kafka Streams instance and of the clients it owns; call once it is created. */
    public synchronized KafkaMetricsBridge bind(KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, tags);
        return add(binder, binder::close);
    }

    public synchronized KafkaMetricsBridge bind(Producer<?, ?> producer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer, tags);
        return add(binder, binder::close);
    }

    public synchronized KafkaMetricsBridge bind(Consumer<?, ?> consumer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer, tags);
        return add(binder, binder::close);
    }

    public synchronized KafkaMetricsBridge bind(AdminClient admin) {
        KafkaClientMetrics binder = new KafkaClientMetrics(admin, tags);
        return add(binder, binder::close);
    }

    private KafkaMetricsBridge add(MeterBinder binder, Runnable close) {
        binder.bindTo(registry);
        closers.add(close);
        return this;
    }

    /** Stops the background polling and removes the Kafka meters from the registry. */
    @Override
    public synchronized void close() {
        closers.forEach(Runnable::run);
        closers.clear();
    }
}
