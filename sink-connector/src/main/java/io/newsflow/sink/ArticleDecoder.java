package io.newsflow.sink;

import com.microsoft.kiota.ApiException;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.sink.store.Change;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
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

    private static final byte MAGIC_BYTE = 0;

    private final Deserializer<EnrichedArticle> deserializer;
    private final String registryUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ArticleDecoder(String registryUrl) {
        this.deserializer = RegistrySerdes.valueDeserializer(registryUrl);
        this.registryUrl = registryUrl.replaceAll("/+$", "");
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
        if (registryUnavailable(failure)) {
            return new RetriableException("the schema registry is unreachable: " + rootCause(failure), failure);
        }
        if (httpStatus(failure) == 404) {
            String id = bytes.length >= 5 && bytes[0] == MAGIC_BYTE
                    ? "schema id " + ByteBuffer.wrap(bytes, 1, 4).getInt() : "the record's schema";
            String subject = topic + "-value";
            if (!subjectExists(subject)) {
                return new RetriableException("the schema registry knows neither " + id + " nor the subject "
                        + subject + ": it has lost its schemas (restarted without its storage?); waiting for them "
                        + "to be registered again", failure);
            }
            return new DataException("unknown " + id + ": the schema registry has no such schema", failure);
        }
        return new DataException("not an EnrichedArticle in the registry's Avro format: " + failure, failure);
    }

    private boolean subjectExists(String subject) {
        URI uri = URI.create(registryUrl + "/groups/default/artifacts/"
                + URLEncoder.encode(subject, StandardCharsets.UTF_8));
        HttpResponse<Void> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new RetriableException("the schema registry is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while asking the schema registry for " + subject, e);
        }
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new RetriableException("the schema registry answered " + response.statusCode()
                    + " to GET " + uri);
        };
    }

    private static String key(SinkRecord record) {
        Object key = record.key();
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }

    /**
     * Network failures and the registry's own trouble (5xx, 429). Not every {@code IOException}: a truncated Avro
     * body fails with an {@code EOFException}, and retrying that would stall its partition for good. The registry
     * client talks HTTP through Vert.x and Netty, which read no record: their exceptions (a connection closed before
     * the answer, as by a registry going down) are always the transport's.
     */
    private static boolean registryUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof HttpTimeoutException
                    || t instanceof ClosedChannelException || t instanceof TimeoutException
                    || t.getClass().getName().startsWith("io.vertx.")
                    || t.getClass().getName().startsWith("io.netty.")) {
                return true;
            }
        }
        int status = httpStatus(failure);
        return status >= 500 || status == 429;
    }

    /** The client wraps the transport's failure in layers that say nothing more. */
    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The HTTP status of the registry's answer that caused the failure, or -1. */
    private static int httpStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.getResponseStatusCode();
            }
        }
        return -1;
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
