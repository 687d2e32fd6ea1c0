/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

/**
 * The error codes of Confluent Schema Registry's REST API that this registry can answer with, each with the
 * HTTP status Confluent sends alongside it. Clients switch on {@code error_code}, so the numbers must match.
 */
public enum RegistryError {
    NOT_FOUND(404, 404),
    METHOD_NOT_ALLOWED(405, 405),
    UNSUPPORTED_MEDIA_TYPE(415, 415),
    BAD_REQUEST(400, 400),
    SUBJECT_NOT_FOUND(404, 40401),
    VERSION_NOT_FOUND(404, 40402),
    SCHEMA_NOT_FOUND(404, 40403),
    SUBJECT_SOFT_DELETED(404, 40404),
    SUBJECT_NOT_SOFT_DELETED(404, 40405),
    VERSION_SOFT_DELETED(404, 40406),
    VERSION_NOT_SOFT_DELETED(404, 40407),
    SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED(404, 40408),
    INCOMPATIBLE_SCHEMA(409, 409),
    INVALID_SCHEMA(422, 42201),
    INVALID_VERSION(422, 42202),
    INVALID_COMPATIBILITY_LEVEL(422, 42203),
    STORE_ERROR(500, 50001),
    OPERATION_TIMEOUT(500, 50002);

    private final int httpStatus;
    private final int code;

    RegistryError(int httpStatus, int code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
