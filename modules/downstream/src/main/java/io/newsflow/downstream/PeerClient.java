package io.newsflow.downstream;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asks another downstream instance for its local answer over HTTP (the {@code /internal/...} endpoints). */
public final class PeerClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    public PeerClient(ObjectMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * GETs {@code path} (segments are encoded here) from {@code host} and reads the JSON answer.
     * A 404 from the peer becomes a 404 {@link QueryFailure}; any other failure a 502.
     */
    public <T> T get(HostInfo host, String[] pathSegments, Map<String, String> query, TypeReference<T> type) {
        URI uri = uri(host, pathSegments, query);
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new QueryFailure(502, "Instance " + host + " did not answer " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailure(503, "Interrupted while asking " + host, e);
        }
        if (response.statusCode() != 200) {
            String reason = errorOf(response.body());
            if (response.statusCode() == 404 || response.statusCode() == 503) {
                throw new QueryFailure(response.statusCode(), reason);
            }
            throw new QueryFailure(502, "Instance " + host + " answered " + response.statusCode() + ": " + reason);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new QueryFailure(502, "Instance " + host + " answered unreadable JSON: " + e.getMessage(), e);
        }
    }

    static URI uri(HostInfo host, String[] pathSegments, Map<String, String> query) {
        StringBuilder path = new StringBuilder();
        for (String segment : pathSegments) {
            path.append('/').append(encode(segment));
        }
        StringJoiner params = new StringJoiner("&");
        query.forEach((key, value) -> {
            if (value != null) {
                params.add(encode(key) + "=" + encode(value));
            }
        });
        String queryPart = params.length() == 0 ? "" : "?" + params;
        return URI.create("http://" + host.host() + ":" + host.port() + path + queryPart);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String errorOf(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node.has("error") ? node.get("error").asText() : new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
