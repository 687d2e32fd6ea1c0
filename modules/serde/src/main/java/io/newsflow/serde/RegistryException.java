/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import org.apache.kafka.common.KafkaException;

/**
 * The registry answered, and refused: carries the HTTP status and Confluent's error code so that
 * callers can tell a missing subject from an incompatible or invalid schema without parsing text.
 * Not retriable; an unreachable registry is a {@link RegistryUnavailableException} instead.
 */
public class RegistryException extends KafkaException {

    /** Subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Schema (by id, or under a subject on lookup) not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** The schema is incompatible with earlier versions of the subject. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** The schema text is not a valid schema. */
    public static final int INVALID_SCHEMA = 42201;

    private final int httpStatus;
    private final int errorCode;

    public RegistryException(int httpStatus, int errorCode, String message) {
        super(message + " (HTTP " + httpStatus + ", error code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True for 40401 and 40403: the registry does not know the subject or schema asked for. */
    public boolean isNotFound() {
        return errorCode == SUBJECT_NOT_FOUND || errorCode == SCHEMA_NOT_FOUND || errorCode == VERSION_NOT_FOUND;
    }
}
