/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One HTTP request reduced to what routing needs: method, decoded path segments, query flags, JSON body. */
final class RegistryRequest {

    private final String method;
    private final List<String> path;
    private final Map<String, String> query;
    private final HttpExchange exchange;
    private final Function<HttpExchange, byte[]> bodyReader;

    private RegistryRequest(HttpExchange exchange, Function<HttpExchange, byte[]> bodyReader) {
        this.exchange = exchange;
        this.bodyReader = bodyReader;
        this.method = exchange.getRequestMethod();
        this.path = segments(exchange.getRequestURI().getRawPath());
        this.query = parameters(exchange.getRequestURI().getRawQuery());
    }

    static RegistryRequest of(HttpExchange exchange, Function<HttpExchange, byte[]> bodyReader) {
        return new RegistryRequest(exchange, bodyReader);
    }

    List<String> path() {
        return path;
    }

    /** Returns the request method if it is one of {@code allowed}; otherwise refuses with 405. */
    String allow(String... allowed) {
        if (Arrays.asList(allowed).contains(method)) {
            return method;
        }
        throw new RegistryException(RegistryError.METHOD_NOT_ALLOWED, "HTTP 405 Method Not Allowed");
    }

    /** A boolean query parameter such as {@code ?permanent=true}; absent means false. */
    boolean flag(String name) {
        return Boolean.parseBoolean(query.get(name));
    }

    JsonNode jsonBody(ObjectMapper json) {
        byte[] body = bodyReader.apply(exchange);
        if (body.length == 0) {
            throw new RegistryException(RegistryError.BAD_REQUEST, "The request body is empty");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw new RegistryException(RegistryError.BAD_REQUEST,
                    "The request body is not valid JSON: " + malformed.getOriginalMessage(), malformed);
        } catch (IOException e) {
            throw new RegistryException(RegistryError.BAD_REQUEST, "Could not read the request body", e);
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : (rawPath == null ? "" : rawPath).split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return List.copyOf(segments);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(decode(name), decode(value));
        }
        return parameters;
    }

    // URLDecoder is for forms and turns '+' into a space; in a path '+' is a literal plus.
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new RegistryException(RegistryError.BAD_REQUEST, "Malformed escape in '" + raw + "'", badEscape);
        }
    }
}
