/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

/**
 * Where the registry's changes are kept. A store owns a {@link RegistryState} and is the only thing that
 * applies changes to it, so what the registry serves is always what the store has made durable.
 */
public interface SchemaStore extends AutoCloseable {

    /** Loads what the store already holds; returns once the state reflects it. */
    void start();

    /** The state rebuilt from the store; safe to read from any thread. */
    RegistryState state();

    /**
     * Makes a change durable and returns once {@link #state()} has applied it. The change may still lose
     * a conflict with a change written concurrently by another instance; callers check the state after.
     */
    void append(SchemaLogRecord record);

    /** Returns once {@link #state()} reflects every change any instance had made durable when called. */
    void catchUp();

    /** Short description for logs, e.g. the topic and cluster. */
    String describe();

    @Override
    void close();
}
