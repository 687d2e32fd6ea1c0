package io.newsflow.app;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Avro records as plain JSON for people and scripts: the schema's field names, timestamps as ISO-8601, bytes as
 * base64, unions without Avro's type wrappers (unlike Avro's own JSON encoding, which consumers find awkward).
 */
final class RecordJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordJson() {
    }

    static String toJsonLine(Object datum) {
        try {
            return MAPPER.writeValueAsString(toJson(datum));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    static JsonNode toJson(Object datum) {
        if (datum instanceof GenericRecord record) {
            return record(record);
        }
        return value(datum, null);
    }

    private static ObjectNode record(GenericRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(record.get(field.pos()), field.schema()));
        }
        return node;
    }

    /** newsflow's unions are [null, X]; others fall back to Avro's resolution (which knows no logical types). */
    private static Schema unionBranch(Schema union, Object value) {
        List<Schema> nonNull = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        if (nonNull.size() == 1) {
            return nonNull.get(0);
        }
        return union.getTypes().get(GenericData.get().resolveUnion(union, value));
    }

    private static JsonNode value(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema != null && schema.getType() == Schema.Type.UNION) {
            return value(value, unionBranch(schema, value));
        }
        LogicalType logical = schema == null ? null : schema.getLogicalType();
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Long millis && logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(millis).toString());
        }
        if (value instanceof GenericRecord record) {
            return record(record);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof GenericFixed fixed) {
            return NODES.textNode(Base64.getEncoder().encodeToString(fixed.bytes()));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            Schema values = schema == null ? null : schema.getValueType();
            map.forEach((k, v) -> node.set(String.valueOf(k), value(v, values)));
            return node;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            Schema element = schema == null ? null : schema.getElementType();
            items.forEach(item -> array.add(value(item, element)));
            return array;
        }
        if (value instanceof GenericEnumSymbol<?> || value instanceof Enum<?> || value instanceof CharSequence) {
            return NODES.textNode(value.toString());
        }
        return MAPPER.valueToTree(value);
    }
}
