/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsflow.serde.internals.RegistryCredentials;
import io.newsflow.serde.internals.RegistryEndpoint;
import io.newsflow.serde.internals.RegistryHttpTransport;
import io.newsflow.serde.internals.RetryBackoff;

/**
 * Talks to a Confluent-compatible schema registry over its REST API, like Confluent's
 * {@code CachedSchemaRegistryClient}: ids and schemas are cached both ways, so only the first
 * use of a schema or id costs a request. Several URLs fail over to each other; requests that get
 * no answer are retried with backoff (see {@link AvroSerdeConfig} for the knobs). Thread-safe.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttpTransport transport;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    /** Keyed by the Schema itself: its hash is cached, whereas toString() renders JSON on every record. */
    private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(AvroSerdeConfig config) {
        this.transport = transportFor(config);
    }

    /** A client for {@code urls}; {@code configs} may carry auth and retry settings under Confluent's keys. */
    public RestSchemaRegistryClient(List<String> urls, Map<String, ?> configs) {
        this(withUrls(urls, configs));
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsOf(subject).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.post("/subjects/" + encode(subject) + "/versions",
                schemaRequest(schema.toString()));
        int id = requiredInt(answer, "id", "register under " + subject);
        remember(subject, id, schema);
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer cached = idsOf(subject).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.post("/subjects/" + encode(subject), schemaRequest(schema.toString()));
        int id = requiredInt(answer, "id", "look up under " + subject);
        remember(subject, id, schema);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.get("/schemas/ids/" + id);
        Schema schema = parseAvro(answer, "schema id " + id);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        JsonNode answer = transport.get("/subjects/" + encode(subject) + "/versions/latest");
        int id = requiredInt(answer, "id", "latest version of " + subject);
        Schema schema = schemasById.computeIfAbsent(id, i -> parseAvro(answer, "latest version of " + subject));
        String text = answer.path("schema").asText(schema.toString());
        return new SchemaMetadata(subject, id, answer.path("version").asInt(-1), text);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = transport.post("/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaRequest(schema.toString()));
            return answer.path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
                return true;    // nothing registered yet, so nothing to break
            }
            throw e;
        }
    }

    private ConcurrentMap<Schema, Integer> idsOf(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    private void remember(String subject, int id, Schema schema) {
        idsOf(subject).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    /** Confluent's request body; {@code schemaType} is left out because AVRO is the default. */
    private ObjectNode schemaRequest(String schemaText) {
        ObjectNode body = transport.newObject();
        body.put("schema", schemaText);
        return body;
    }

    private static Schema parseAvro(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new RegistryException(200, RegistryException.INVALID_SCHEMA,
                    "The registry holds a " + type + " schema for " + what + ", not an Avro one");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new RegistryException(200, -1, "The registry answer for " + what + " has no schema: " + answer);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new RegistryException(200, RegistryException.INVALID_SCHEMA,
                    "The registry's schema for " + what + " is not valid Avro: " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new RegistryException(200, -1, "The registry answer to " + what + " has no '" + field + "': " + answer);
        }
        return value.asInt();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static RegistryHttpTransport transportFor(AvroSerdeConfig config) {
        List<String> urls = config.registryUrls();
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG
                    + "\" which has no default value.");
        }
        RegistryCredentials shared = null;
        if (AvroSerdeConfig.CREDENTIALS_SOURCE_USER_INFO.equals(config.credentialsSource())) {
            shared = RegistryCredentials.fromUserInfo(AvroSerdeConfig.USER_INFO_CONFIG, config.userInfo());
        }
        RegistryCredentials credentials = shared;
        List<RegistryEndpoint> endpoints = urls.stream().map(url -> RegistryEndpoint.parse(url, credentials)).toList();
        return new RegistryHttpTransport(endpoints, config.maxRetries(),
                new RetryBackoff(config.retriesWaitMs(), config.retriesMaxWaitMs()),
                Duration.ofMillis(config.connectTimeoutMs()), Duration.ofMillis(config.readTimeoutMs()));
    }

    private static AvroSerdeConfig withUrls(List<String> urls, Map<String, ?> configs) {
        Map<String, Object> merged = new HashMap<>(configs);
        merged.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, List.copyOf(urls));
        return new AvroSerdeConfig(merged);
    }
}
