/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Schema evolution rules a subject enforces, with the same names and meaning as Confluent Schema Registry.
 *
 * <p>BACKWARD means consumers on the new schema can read data written with the old one; FORWARD means
 * consumers still on the old schema can read data written with the new one; FULL means both. The
 * transitive variants check against every live version of the subject instead of only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** True when the new schema must be able to read data written with earlier schemas. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** True when earlier schemas must be able to read data written with the new schema. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** True when the check covers every live version, not just the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name case-insensitively, as Confluent's REST API accepts it. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notALevel) {
            return Optional.empty();
        }
    }
}
