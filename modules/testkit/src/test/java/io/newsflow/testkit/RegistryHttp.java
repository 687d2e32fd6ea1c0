/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks to the registry's REST API directly, as a non-Java client would. */
final class RegistryHttp {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers an Avro schema under {@code subject} and returns its id. */
    int register(String subject, String schemaJson) throws Exception {
        String body = "{\"schema\":\"" + jsonEscape(schemaJson) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return idOf(send(request));
    }

    /** The id of the latest version of {@code subject}. */
    int latestId(String subject) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/subjects/" + subject + "/versions/latest"))
                .header("Accept", MEDIA_TYPE)
                .GET()
                .build();
        return idOf(send(request));
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("HTTP status of %s: %s", request.uri(), response.body()).isEqualTo(200);
        return response.body();
    }

    /** The schema travels as a JSON string inside the request body. */
    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static int idOf(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as("id in %s", json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
