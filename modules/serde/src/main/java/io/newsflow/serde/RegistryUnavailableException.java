/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.util.List;

import org.apache.kafka.common.errors.RetriableException;

/**
 * No registry URL gave an answer within the retry budget (connection refused, timeouts, 5xx).
 * A {@link RetriableException}: the data is fine, the registry is not, so a streams handler may
 * retry or stop instead of dead-lettering the record. The serdes wrap it as the cause of a
 * {@link org.apache.kafka.common.errors.SerializationException}.
 */
public class RegistryUnavailableException extends RetriableException {

    private final List<String> urlsTried;

    public RegistryUnavailableException(String message, List<String> urlsTried, Throwable lastFailure) {
        super(message, lastFailure);
        this.urlsTried = List.copyOf(urlsTried);
    }

    /** Every registry URL that was tried, in order, without credentials. */
    public List<String> urlsTried() {
        return urlsTried;
    }
}
