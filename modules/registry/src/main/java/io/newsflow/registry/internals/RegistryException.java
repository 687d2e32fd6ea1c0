/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

/**
 * A request the registry refuses or cannot serve; the HTTP layer turns it into Confluent's error body
 * {@code {"error_code":..., "message":...}}.
 */
public final class RegistryException extends RuntimeException {

    private final RegistryError error;

    public RegistryException(RegistryError error, String message) {
        super(message);
        this.error = error;
    }

    public RegistryException(RegistryError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public RegistryError error() {
        return error;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(RegistryError.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(RegistryError.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound(String what) {
        return new RegistryException(RegistryError.SCHEMA_NOT_FOUND, what);
    }
}
