package io.newsflow.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
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
public final class AvroJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AvroJson() {
    }

    public static String write(IndexedRecord record) {
        // Streamed rather than built as a tree first: this runs for every article, and the tree showed in profiles.
        return write(json -> write(json, record, record.getSchema()));
    }

    static String write(Map<String, String> map) {
        return write(json -> {
            json.writeStartObject();
            for (Map.Entry<String, String> entry : map.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        });
    }

    private interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writing.to(json);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object datum, Schema schema) throws IOException {
        if (datum == null) {
            json.writeNull();
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) datum;
                json.writeStartObject();
                for (Schema.Field field : schema.getFields()) {
                    json.writeFieldName(field.name());
                    write(json, record.get(field.pos()), field.schema());
                }
                json.writeEndObject();
            }
            case UNION -> write(json, datum, branch(schema, datum));
            case ARRAY -> {
                json.writeStartArray();
                for (Object item : (Collection<?>) datum) {
                    write(json, item, schema.getElementType());
                }
                json.writeEndArray();
            }
            case MAP -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
                    json.writeFieldName(entry.getKey().toString());
                    write(json, entry.getValue(), schema.getValueType());
                }
                json.writeEndObject();
            }
            case LONG -> {
                if (datum instanceof Instant instant) {
                    json.writeString(instant.toString());
                } else {
                    json.writeNumber((Long) datum);
                }
            }
            case INT -> json.writeNumber((Integer) datum);
            case DOUBLE -> json.writeNumber((Double) datum);
            case FLOAT -> json.writeNumber((Float) datum);
            case BOOLEAN -> json.writeBoolean((Boolean) datum);
            case BYTES -> json.writeString(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
            case FIXED -> json.writeString(Base64.getEncoder().encodeToString(((GenericData.Fixed) datum).bytes()));
            case ENUM, STRING -> json.writeString(datum.toString());
            case NULL -> json.writeNull();
        }
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
