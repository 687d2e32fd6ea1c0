/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

/** Reads the {@code {version}} path segment: a positive number, {@code latest}, or {@code -1} for latest. */
final class VersionSpec {

    static final int LATEST = -1;

    private VersionSpec() {
    }

    static int parse(String spec) {
        if ("latest".equalsIgnoreCase(spec)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(spec);
            if (version == LATEST || version >= 1) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to the same answer Confluent gives for zero or negative versions.
        }
        throw new RegistryException(RegistryError.INVALID_VERSION, "The specified version '" + spec
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }
}
