/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Follows the schema log from its first offset and applies every change to a {@link RegistryState}, on its
 * own thread. Writers wait on it: a change counts as done once this reader has passed its offset.
 */
final class SchemaLogReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SchemaLogReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final RegistryState state;
    private final SchemaLogCodec codec;
    private final Object progress = new Object();
    private long position;
    private RuntimeException failure;
    private volatile boolean stopping;

    SchemaLogReader(Consumer<byte[], byte[]> consumer, TopicPartition partition, RegistryState state,
                    SchemaLogCodec codec) {
        this.consumer = consumer;
        this.partition = partition;
        this.state = state;
        this.codec = codec;
    }

    @Override
    public void run() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    apply(record);
                }
                advanceTo(consumer.position(partition));
            }
        } catch (WakeupException wakeup) {
            // close() wakes the consumer to end the loop; anything else waking it would be a bug.
            if (!stopping) {
                fail(new IllegalStateException("Schema log reader woken up unexpectedly", wakeup));
            }
        } catch (RuntimeException e) {
            log.error("Schema log reader on {} stopped", partition, e);
            fail(e);
        } finally {
            consumer.close();
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            codec.decode(record.key(), record.value()).ifPresent(state::apply);
        } catch (IOException | RuntimeException malformed) {
            // One bad entry must not stop the registry; every instance skips it alike.
            log.warn("Skipping malformed schema log entry at {}@{}: {}", partition, record.offset(),
                    malformed.getMessage());
        }
    }

    private void advanceTo(long next) {
        synchronized (progress) {
            if (next > position) {
                position = next;
                progress.notifyAll();
            }
        }
    }

    private void fail(RuntimeException e) {
        synchronized (progress) {
            failure = e;
            progress.notifyAll();
        }
    }

    /** Blocks until every entry before {@code offset} has been applied, or the timeout passes. */
    void awaitPosition(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position < offset) {
                if (failure != null) {
                    throw new RegistryException(RegistryError.STORE_ERROR,
                            "The schema log reader failed: " + failure.getMessage(), failure);
                }
                if (stopping) {
                    throw new RegistryException(RegistryError.STORE_ERROR, "The schema store is closed");
                }
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    throw new RegistryException(RegistryError.OPERATION_TIMEOUT, "Timed out after " + timeout
                            + " waiting for the schema log to reach offset " + offset + " (at " + position + ")");
                }
                try {
                    progress.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryException(RegistryError.STORE_ERROR, "Interrupted waiting for the schema log", e);
                }
            }
        }
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }
}
