/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.RegistryState.StoredSchema;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import io.newsflow.registry.internals.SchemaRegistry.CompatibilityVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Serves the subset of Confluent Schema Registry's REST API that Avro serializers and operators use,
 * translating each route into a {@link SchemaRegistry} call and each refusal into Confluent's error body.
 */
public final class RegistryHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);

    static final String RESPONSE_MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of(
            RESPONSE_MEDIA_TYPE, "application/vnd.schemaregistry+json", "application/json");
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final SchemaRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    public RegistryHttpHandler(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            JsonNode body;
            try {
                body = route(RegistryRequest.of(exchange, this::readBody));
            } catch (RegistryException refused) {
                status = refused.error().httpStatus();
                body = errorBody(refused.error().code(), refused.getMessage());
                log.debug("{} {} -> {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), status,
                        refused.getMessage());
            } catch (RuntimeException unexpected) {
                log.error("Failed to serve {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), unexpected);
                status = 500;
                body = errorBody(500, "Internal server error: " + unexpected.getMessage());
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", RESPONSE_MEDIA_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode route(RegistryRequest request) {
        List<String> path = request.path();
        if (path.isEmpty()) {
            request.allow("GET");
            return json.createObjectNode();
        }
        return switch (path.get(0)) {
            case "subjects" -> subjects(request, path);
            case "schemas" -> schemas(request, path);
            case "compatibility" -> compatibility(request, path);
            case "config" -> config(request, path);
            default -> throw notFound();
        };
    }

    private JsonNode subjects(RegistryRequest request, List<String> path) {
        boolean deleted = request.flag("deleted");
        switch (path.size()) {
            case 1 -> {
                request.allow("GET");
                return json.valueToTree(registry.subjects(deleted));
            }
            case 2 -> {
                String subject = path.get(1);
                if (request.allow("POST", "DELETE").equals("POST")) {
                    JsonNode schema = schemaBody(request);
                    return versionNode(registry.lookup(subject, text(schema, "schema"), text(schema, "schemaType"),
                            hasReferences(schema), deleted));
                }
                return json.valueToTree(registry.deleteSubject(subject, request.flag("permanent")));
            }
            case 3 -> {
                requireSegment(path, 2, "versions");
                String subject = path.get(1);
                if (request.allow("GET", "POST").equals("GET")) {
                    return json.valueToTree(registry.versions(subject, deleted));
                }
                JsonNode schema = schemaBody(request);
                int id = registry.register(subject, text(schema, "schema"), text(schema, "schemaType"),
                        hasReferences(schema));
                return json.createObjectNode().put("id", id);
            }
            case 4 -> {
                requireSegment(path, 2, "versions");
                if (request.allow("GET", "DELETE").equals("GET")) {
                    return versionNode(registry.version(path.get(1), path.get(3), deleted));
                }
                return json.valueToTree(registry.deleteVersion(path.get(1), path.get(3), request.flag("permanent")));
            }
            case 5 -> {
                requireSegment(path, 2, "versions");
                requireSegment(path, 4, "schema");
                request.allow("GET");
                return parseJson(registry.version(path.get(1), path.get(3), deleted).schema());
            }
            default -> throw notFound();
        }
    }

    private JsonNode schemas(RegistryRequest request, List<String> path) {
        if (path.size() == 2 && path.get(1).equals("types")) {
            request.allow("GET");
            return json.createArrayNode().add("AVRO");
        }
        if (path.size() < 3 || path.size() > 4 || !path.get(1).equals("ids")) {
            throw notFound();
        }
        request.allow("GET");
        int id = idSegment(path.get(2));
        if (path.size() == 3) {
            StoredSchema schema = registry.schemaById(id);
            return json.createObjectNode().put("schema", schema.text());
        }
        return switch (path.get(3)) {
            case "schema" -> parseJson(registry.schemaById(id).text());
            case "versions" -> {
                ArrayNode uses = json.createArrayNode();
                registry.versionsOfId(id).forEach(v -> uses.addObject()
                        .put("subject", v.subject()).put("version", v.version()));
                yield uses;
            }
            default -> throw notFound();
        };
    }

    private JsonNode compatibility(RegistryRequest request, List<String> path) {
        if (path.size() < 4 || path.size() > 5 || !path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            throw notFound();
        }
        request.allow("POST");
        JsonNode schema = schemaBody(request);
        CompatibilityVerdict verdict = path.size() == 5
                ? registry.checkCompatibility(path.get(2), path.get(4), text(schema, "schema"),
                        text(schema, "schemaType"), hasReferences(schema))
                : registry.checkCompatibilityWithAll(path.get(2), text(schema, "schema"),
                        text(schema, "schemaType"), hasReferences(schema));
        ObjectNode answer = json.createObjectNode().put("is_compatible", verdict.compatible());
        if (request.flag("verbose")) {
            answer.set("messages", json.valueToTree(verdict.messages()));
        }
        return answer;
    }

    private JsonNode config(RegistryRequest request, List<String> path) {
        if (path.size() == 1) {
            if (request.allow("GET", "PUT").equals("GET")) {
                return levelNode("compatibilityLevel", registry.globalLevel());
            }
            return levelNode("compatibility", registry.setGlobalLevel(text(request.jsonBody(json), "compatibility")));
        }
        if (path.size() != 2) {
            throw notFound();
        }
        String subject = path.get(1);
        return switch (request.allow("GET", "PUT", "DELETE")) {
            case "GET" -> levelNode("compatibilityLevel",
                    registry.subjectLevel(subject, request.flag("defaultToGlobal")));
            case "PUT" -> levelNode("compatibility",
                    registry.setSubjectLevel(subject, text(request.jsonBody(json), "compatibility")));
            default -> levelNode("compatibilityLevel", registry.deleteSubjectLevel(subject));
        };
    }

    private JsonNode versionNode(SchemaVersion version) {
        return json.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private ObjectNode levelNode(String field, CompatibilityLevel level) {
        return json.createObjectNode().put(field, level.name());
    }

    private ObjectNode errorBody(int code, String message) {
        return json.createObjectNode().put("error_code", code).put("message", message);
    }

    private JsonNode schemaBody(RegistryRequest request) {
        JsonNode body = request.jsonBody(json);
        if (!body.isObject()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Expected a JSON object with a 'schema' field");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean hasReferences(JsonNode body) {
        JsonNode references = body.get("references");
        return references != null && references.isArray() && !references.isEmpty();
    }

    private JsonNode parseJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored schema is not JSON", e);
        }
    }

    private static int idSegment(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException notAnId) {
            throw notFound();
        }
    }

    private static void requireSegment(List<String> path, int index, String expected) {
        if (!path.get(index).equals(expected)) {
            throw notFound();
        }
    }

    static RegistryException notFound() {
        return new RegistryException(RegistryError.NOT_FOUND, "HTTP 404 Not Found");
    }

    private byte[] readBody(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!ACCEPTED_MEDIA_TYPES.contains(mediaType)) {
                throw new RegistryException(RegistryError.UNSUPPORTED_MEDIA_TYPE, "HTTP 415 Unsupported Media Type");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RegistryException(RegistryError.BAD_REQUEST, "Request body larger than " + MAX_BODY_BYTES
                        + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new RegistryException(RegistryError.BAD_REQUEST, "Could not read the request body: " + e.getMessage(), e);
        }
    }
}
