package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.sink.store.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record from {@code news.enriched} into a {@link Change}: an Avro value (read through the registry) is a
 * put, a null value a delete of the article named by the key.
 */
final class ArticleDecoder implements AutoCloseable {

    private final Deserializer<EnrichedArticle> deserializer;

    ArticleDecoder(String registryUrl) {
        this.deserializer = RegistrySerdes.valueDeserializer(registryUrl);
    }

    /**
     * @throws DataException the record can never be decoded: it goes to the errant record reporter
     * @throws RetriableException the registry could not be reached to look the schema up
     */
    Change decode(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            String id = key(record);
            if (id == null || id.isEmpty()) {
                throw new DataException("a tombstone without a key names no article to delete");
            }
            return Change.delete(id);
        }
        if (!(value instanceof byte[] bytes)) {
            // Every record would fail the same way: a configuration error, not a bad record.
            throw new ConnectException("record values must arrive as bytes, got " + value.getClass().getName()
                    + ": set value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        EnrichedArticle article;
        try {
            article = deserializer.deserialize(record.topic(), bytes);
        } catch (RuntimeException e) {
            if (registryUnreachable(e)) {
                throw new RetriableException("the schema registry is unreachable", e);
            }
            throw new DataException("not an EnrichedArticle in the registry's Avro format: " + e, e);
        }
        if (article == null || article.getArticle() == null || article.getArticle().getId() == null) {
            throw new DataException("an EnrichedArticle without an article id");
        }
        return Change.put(article);
    }

    private static String key(SinkRecord record) {
        Object key = record.key();
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }

    private static boolean registryUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
