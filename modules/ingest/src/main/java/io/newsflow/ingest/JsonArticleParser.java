package io.newsflow.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.model.RawArticle;

/**
 * Turns one JSON object (one JSON Lines line) into a {@link RawArticle}, or says precisely why not.
 * Unknown fields are ignored so that producers may carry extra data; known fields must have the right type.
 */
public final class JsonArticleParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBodyBytes;
    private final ArticleIds ids;
    private final Clock clock;

    public JsonArticleParser(long maxBodyBytes, ArticleIds ids, Clock clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.ids = ids;
        this.clock = clock;
    }

    /** Parses raw line bytes, decoding them strictly as UTF-8 first. */
    public ParseOutcome parse(byte[] line) {
        Optional<String> text = Utf8Text.decode(line);
        if (text.isEmpty()) {
            return ParseOutcome.refused(RejectReason.INVALID_UTF8, "line is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text.get());
        } catch (JsonProcessingException e) {
            return ParseOutcome.refused(RejectReason.INVALID_JSON, e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return ParseOutcome.refused(RejectReason.INVALID_JSON, "no JSON value");
        }
        return parse(node);
    }

    /** Parses an already-read JSON value (an element of a {@code .json} array file). */
    public ParseOutcome parse(JsonNode node) {
        if (!node.isObject()) {
            return ParseOutcome.refused(RejectReason.NOT_AN_OBJECT, "expected a JSON object but got " + node.getNodeType());
        }
        try {
            return new ParseOutcome.Accepted(toArticle(node));
        } catch (FieldProblem problem) {
            return ParseOutcome.refused(problem.reason, problem.getMessage());
        }
    }

    private RawArticle toArticle(JsonNode node) throws FieldProblem {
        String body = optionalText(node, "body");
        if (body == null || body.isBlank()) {
            throw new FieldProblem(RejectReason.MISSING_BODY, "field 'body' is missing or empty");
        }
        long bodyBytes = Utf8Text.utf8Length(body);
        if (bodyBytes > maxBodyBytes) {
            throw new FieldProblem(RejectReason.BODY_TOO_LARGE,
                    "body is " + bodyBytes + " bytes, limit is " + maxBodyBytes);
        }
        String contentType = ContentTypes.PLAIN;
        String givenType = optionalText(node, "contentType");
        if (givenType != null) {
            contentType = ContentTypes.normalize(givenType).orElseThrow(() -> new FieldProblem(
                    RejectReason.UNKNOWN_CONTENT_TYPE, "contentType '" + givenType + "' is not text/plain or text/html"));
        }
        String url = optionalText(node, "url");
        String source = optionalText(node, "source");
        String title = optionalText(node, "title");
        String id = ids.resolve(optionalText(node, "id"), url, source, title, body);
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl(url)
                .setSource(source)
                .setTitle(title)
                .setBody(body)
                .setContentType(contentType)
                .setLanguage(optionalText(node, "language"))
                .setPublishedAt(publishedAt(node.get("publishedAt")))
                .setFetchedAt(clock.instant())
                .setHeaders(headers(node.get("headers")))
                .build();
    }

    private static String optionalText(JsonNode node, String field) throws FieldProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldProblem(RejectReason.WRONG_FIELD_TYPE,
                    "field '" + field + "' must be a string but is " + value.getNodeType());
        }
        return value.textValue();
    }

    private static Map<String, String> headers(JsonNode value) throws FieldProblem {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return headers;
        }
        if (!value.isObject()) {
            throw new FieldProblem(RejectReason.WRONG_FIELD_TYPE,
                    "field 'headers' must be an object but is " + value.getNodeType());
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode v = entry.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new FieldProblem(RejectReason.WRONG_FIELD_TYPE,
                        "header '" + entry.getKey() + "' must be a string, number or boolean");
            }
            headers.put(entry.getKey(), v.asText());
        }
        return headers;
    }

    /** ISO-8601 instant, offset date-time, zoned date-time or date (as UTC midnight); or epoch millis. */
    static Instant publishedAt(JsonNode value) throws FieldProblem {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (!value.isTextual()) {
            throw new FieldProblem(RejectReason.WRONG_FIELD_TYPE,
                    "field 'publishedAt' must be an ISO-8601 string or epoch millis but is " + value.getNodeType());
        }
        String text = value.textValue().strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 18) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the other ISO shapes below
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeParseException notZoned) {
            // try a plain date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldProblem(RejectReason.UNPARSEABLE_DATE, "publishedAt '" + text + "' is not ISO-8601");
        }
    }

    /** Internal signal carrying a rejection out of the field readers. */
    static final class FieldProblem extends IOException {
        final RejectReason reason;

        FieldProblem(RejectReason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }
}
