/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde.internals;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsflow.serde.RegistryException;
import io.newsflow.serde.RegistryUnavailableException;

/**
 * Sends Confluent registry REST requests: tries the configured URLs in turn, starting with the one
 * that answered last; retries rounds that got no answer (connection errors, timeouts, 5xx, 408,
 * 429) with exponential backoff; turns error answers into {@link RegistryException}s carrying
 * Confluent's error code. Thread-safe.
 */
public final class RegistryHttpTransport {

    public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = MEDIA_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_BODY_IN_MESSAGE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpTransport.class);

    private final List<RegistryEndpoint> endpoints;
    private final int maxRetries;
    private final RetryBackoff backoff;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** Index of the endpoint that answered last: requests start there. */
    private final AtomicInteger preferred = new AtomicInteger();

    public RegistryHttpTransport(List<RegistryEndpoint> endpoints, int maxRetries, RetryBackoff backoff,
                                 Duration connectTimeout, Duration requestTimeout) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one registry URL is needed");
        }
        this.endpoints = List.copyOf(endpoints);
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ObjectNode newObject() {
        return json.createObjectNode();
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, body.toString());
    }

    private JsonNode send(String method, String path, String body) {
        Set<String> tried = new LinkedHashSet<>();
        Throwable lastFailure = null;
        for (int round = 0; ; round++) {
            List<String> failures = new ArrayList<>();
            int start = preferred.get();
            for (int i = 0; i < endpoints.size(); i++) {
                int index = (start + i) % endpoints.size();
                RegistryEndpoint endpoint = endpoints.get(index);
                tried.add(endpoint.toString());
                HttpResponse<String> response;
                try {
                    response = http.send(request(endpoint, method, path, body), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    failures.add(endpoint + " (" + describe(e) + ")");
                    lastFailure = e;
                    LOG.debug("Registry {} {}{} failed", method, endpoint, path, e);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptException("Interrupted while calling the schema registry", e);
                }
                int status = response.statusCode();
                if (isRetriable(status)) {
                    failures.add(endpoint + " (HTTP " + status + ": " + abbreviate(response.body()) + ")");
                    lastFailure = null;
                    continue;
                }
                preferred.set(index);
                if (status >= 200 && status < 300) {
                    return parse(endpoint, path, response.body());
                }
                throw error(method, path, status, response.body());
            }
            if (round >= maxRetries) {
                throw new RegistryUnavailableException("Schema registry unreachable: " + method + " " + path
                        + " got no answer after " + (round + 1) + " attempt(s); URLs tried: " + tried
                        + "; last failures: " + failures, List.copyOf(tried), lastFailure);
            }
            long wait = backoff.delayMs(round);
            LOG.warn("Schema registry request {} {} failed ({}); retry {} of {} in {} ms",
                    method, path, failures, round + 1, maxRetries, wait);
            pause(wait);
        }
    }

    private HttpRequest request(RegistryEndpoint endpoint, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        endpoint.credentials().ifPresent(c -> request.header("Authorization", c.authorizationHeader()));
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", MEDIA_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** No answer worth keeping: the registry is down, overloaded or timing out, so another try may work. */
    private static boolean isRetriable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private JsonNode parse(RegistryEndpoint endpoint, String path, String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new RegistryException(200, -1, "Registry " + endpoint + path + " answered with invalid JSON: "
                    + abbreviate(body));
        }
    }

    private RegistryException error(String method, String path, int status, String body) {
        int errorCode = status;
        String message = abbreviate(body);
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.has("error_code")) {
                errorCode = error.get("error_code").asInt(status);
                message = error.path("message").asText(message);
            }
        } catch (IOException e) {
            LOG.debug("Registry error body is not JSON: {}", message, e);
        }
        return new RegistryException(status, errorCode, method + " " + path + ": " + message);
    }

    /** The exception type and the first message found along its causes: HttpClient often leaves its own null. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return failure.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException("Interrupted while waiting to retry the schema registry", e);
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
}
