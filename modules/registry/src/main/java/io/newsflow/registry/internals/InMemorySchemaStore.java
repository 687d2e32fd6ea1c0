/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

/** Keeps the registry in this process only: fast and empty on every start, for unit tests and demos. */
public final class InMemorySchemaStore implements SchemaStore {

    private final RegistryState state = new RegistryState();

    @Override
    public void start() {
        // Nothing to load: an in-memory registry always starts empty.
    }

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public void append(SchemaLogRecord record) {
        state.apply(record);
    }

    @Override
    public void catchUp() {
        // The state is the store; there is nothing to catch up with.
    }

    @Override
    public String describe() {
        return "in-memory store";
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
