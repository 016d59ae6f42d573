package io.newsflow.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.schemas.RawArticle;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Articles and rejections as single-line JSON, for scripts. Every field of the schema is written, absent ones as
 * {@code null}, so a field added to {@code RawArticle} appears here without a change; timestamps are ISO-8601.
 */
public final class ArticleJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleJson() {
    }

    public static String line(RawArticle article) {
        ObjectNode json = JSON.createObjectNode();
        for (Schema.Field field : article.getSchema().getFields()) {
            Object value = article.get(field.pos());
            if (value == null) {
                json.putNull(field.name());
            } else if (value instanceof Map<?, ?> map) {
                ObjectNode entries = json.putObject(field.name());
                map.forEach((key, entry) -> entries.put(key.toString(), entry.toString()));
            } else if (value instanceof Long number) {
                json.put(field.name(), number);
            } else {
                // Strings, enum symbols and Instants, whose toString is ISO-8601.
                json.put(field.name(), value.toString());
            }
        }
        return json.toString();
    }

    public static String line(Rejection rejection) {
        return JSON.createObjectNode()
                .put("rejected", rejection.source())
                .put("reason", rejection.reason())
                .toString();
    }
}
