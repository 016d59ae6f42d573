package io.newsflow.ingest;

import io.newsflow.ingest.format.Rejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistryAvroSerializer;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to {@code news.raw} (Avro through the registry, keyed by article id) and rejections to
 * {@code news.rejects} (JSON keyed by source), through one idempotent producer.
 *
 * <p>One producer carries both kinds so that they share its idempotence session and batching; the Avro value is
 * therefore serialized here rather than by the producer, into the registry's wire format with the record's own
 * headers (which Apicurio uses when {@code apicurio.registry.headers.enabled} is set).
 */
public final class StoryPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Producer<String, byte[]> producer;
    private final RegistryAvroSerializer<RawArticle> serializer = new RegistryAvroSerializer<>();

    public StoryPublisher(IngestConfig config) {
        serializer.configure(config.serializerConfigs(), false);
        this.producer = new KafkaProducer<>(config.producerConfigs());
    }

    /** Exposes the producer's own metrics (send rate, errors, batch sizes, latency) through {@code registry}. */
    public AutoCloseable bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        return binder;
    }

    /**
     * Sends the article; {@code onCompletion} runs on the producer's I/O thread once the broker acknowledged it
     * (or the send failed for good), so it must be quick.
     */
    public void publish(RawArticle article, Callback onCompletion) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serializer.serialize(Topics.RAW, headers, article);
        producer.send(new ProducerRecord<>(Topics.RAW, null, article.getId(), value, headers), onCompletion);
    }

    public void reject(Rejection rejection) {
        ObjectNode json = JSON.createObjectNode()
                .put("source", rejection.source())
                .put("reason", rejection.reason())
                .put("rejectedAt", rejection.rejectedAt().toString());
        byte[] value = json.toString().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.REJECTS, rejection.source(), value), (metadata, e) -> {
            if (e != null) {
                log.error("could not record the rejection of {} ({}) on {}", rejection.source(), rejection.reason(),
                        Topics.REJECTS, e);
            }
        });
    }

    /** Blocks until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
        serializer.close();
    }
}
