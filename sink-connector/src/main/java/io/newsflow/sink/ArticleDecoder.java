package io.newsflow.sink;

import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RegistryContract;
import io.newsflow.schemas.RegistryFailures;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.store.Change;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record from {@code news.enriched} into a {@link Change}: an Avro value (read through the registry) is a
 * put, a null value a delete of the article named by the key.
 *
 * <p>A registry that cannot answer now is waited out like a database outage; only a record that can never be read
 * is reported. An unknown schema id is the record's fault only while the registry still holds the topic's subject:
 * a registry that has none (restarted without its storage) has lost every id, and the records are fine.
 */
final class ArticleDecoder implements AutoCloseable {

    private final Deserializer<EnrichedArticle> deserializer;
    private final RegistryContract registry;

    /** @param registryConfigs the registry client's settings ({@link NewsSinkConfig#registryConfigs()}) */
    ArticleDecoder(Map<String, Object> registryConfigs) {
        this.deserializer = RegistrySerdes.valueDeserializer(registryConfigs);
        this.registry = new RegistryContract(SchemaRegistration.forClientConfig(registryConfigs));
    }

    /**
     * @throws DataException the record can never be decoded: it goes to the errant record reporter
     * @throws RetriableException the registry could not be reached to look the schema up, or has lost its schemas
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
            throw classify(record.topic(), bytes, e);
        }
        if (article == null || article.getArticle() == null || article.getArticle().getId() == null) {
            throw new DataException("an EnrichedArticle without an article id");
        }
        return Change.put(article);
    }

    private RuntimeException classify(String topic, byte[] bytes, RuntimeException failure) {
        if (RegistryFailures.isUnavailable(failure)) {
            return new RetriableException("the schema registry is unreachable: " + failure.getMessage(), failure);
        }
        String reason = DeadLetterReason.unreadable(bytes, failure);
        if (DeadLetterReason.isUnknownSchemaId(failure) && !subjectKnown(topic)) {
            return new RetriableException(reason + " and the schema registry has no subject "
                    + SchemaRegistration.subject(topic) + ": it has lost its schemas (restarted without its storage?); "
                    + "waiting for them to be registered again", failure);
        }
        return new DataException(reason, failure);
    }

    private boolean subjectKnown(String topic) {
        try {
            return registry.knowsSubjectOf(topic);
        } catch (IllegalStateException e) {
            throw new RetriableException("cannot ask the schema registry for " + SchemaRegistration.subject(topic)
                    + ": " + e.getMessage(), e);
        }
    }

    private static String key(SinkRecord record) {
        Object key = record.key();
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
