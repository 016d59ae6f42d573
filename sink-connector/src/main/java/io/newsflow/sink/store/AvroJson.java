package io.newsflow.sink.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for an Avro record: unions as their value (not Avro's {@code {"string": ...}} wrapping), enums as
 * names and timestamps as ISO-8601 strings, which is what a reader of the {@code record} column expects to query.
 */
final class AvroJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    static String write(IndexedRecord record) {
        return write(toJson(record, record.getSchema()));
    }

    static String write(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return write(node);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    private static JsonNode toJson(Object datum, Schema schema) {
        if (datum == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) datum;
                ObjectNode node = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    node.set(field.name(), toJson(record.get(field.pos()), field.schema()));
                }
                yield node;
            }
            case UNION -> toJson(datum, branch(schema, datum));
            case ARRAY -> {
                ArrayNode node = NODES.arrayNode();
                for (Object item : (Collection<?>) datum) {
                    node.add(toJson(item, schema.getElementType()));
                }
                yield node;
            }
            case MAP -> {
                ObjectNode node = NODES.objectNode();
                ((Map<?, ?>) datum).forEach((k, v) -> node.set(k.toString(), toJson(v, schema.getValueType())));
                yield node;
            }
            case LONG -> datum instanceof Instant instant ? NODES.textNode(instant.toString()) : NODES.numberNode((Long) datum);
            case INT -> NODES.numberNode((Integer) datum);
            case DOUBLE -> NODES.numberNode((Double) datum);
            case FLOAT -> NODES.numberNode((Float) datum);
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) datum).bytes()));
            case ENUM, STRING -> NODES.textNode(datum.toString());
            case NULL -> NODES.nullNode();
        };
    }

    /**
     * The branch of a union a non-null datum belongs to. The pipeline's unions are all "null or X", where X may carry
     * a logical type (a timestamp arrives as an Instant), which GenericData cannot resolve without conversions.
     */
    private static Schema branch(Schema union, Object datum) {
        var nonNull = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        return nonNull.size() == 1 ? nonNull.get(0) : union.getTypes().get(GenericData.get().resolveUnion(union, datum));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
