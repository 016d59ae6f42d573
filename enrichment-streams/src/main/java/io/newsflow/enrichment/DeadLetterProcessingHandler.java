package io.newsflow.enrichment;

import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.RegistryFailures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters every record that cannot be enriched (unreadable, empty, oversized, extraction failed or ran past its
 * budget): the record Kafka's KIP-1034 handlers build (source key and value, {@code __streams.errors.*} headers),
 * plus the reason in words in {@value DeadLetterReason#HEADER}; one line at WARN says where the record was and why,
 * and the stack trace goes to DEBUG. The stock handler it replaces logs a stack trace at WARN for every record.
 *
 * <p>Two failures are not the record's and fail the stream thread instead, whose replacement reads the record again
 * from the last commit: the schema registry unavailable past {@link RegistryRetryingSerde}'s deadline, and an
 * interrupt while the instance shuts down.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private EnrichmentMetrics metrics;
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        metrics = EnrichmentConfig.metricsFrom(configs);
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : String.valueOf(topic);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof InterruptException) {
            return Response.fail();
        }
        if (RegistryFailures.isUnavailable(exception)) {
            log.error("schema registry still unavailable while reading {}-{}@{}; failing the thread to retry from the "
                    + "last commit", context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        String reason = reason(exception);
        metrics.deadLettered(reason);
        log.warn("{} {}-{}@{}: {}", deadLetterTopic == null ? "skipped" : "dead-lettered", context.topic(),
                context.partition(), context.offset(), reason);
        log.debug("what failed on {}-{}@{}", context.topic(), context.partition(), context.offset(), exception);
        if (deadLetterTopic == null) {
            return Response.resume();
        }
        // Kafka's own builder, so that the KIP-1034 headers stay exactly those of the stock handlers.
        ProducerRecord<byte[], byte[]> deadLetter = ExceptionHandlerUtils.buildDeadLetterQueueRecord(deadLetterTopic,
                context.sourceRawKey(), context.sourceRawValue(), context, exception);
        // The source's headers are copied over; a record sent back from the dead-letter topic may carry an old reason.
        deadLetter.headers().remove(DeadLetterReason.HEADER);
        deadLetter.headers().add(DeadLetterReason.HEADER, reason.getBytes(StandardCharsets.UTF_8));
        return Response.resume(List.of(deadLetter));
    }

    /** Our exceptions carry the reason as their message; anything else is a failure of the code, named as such. */
    static String reason(Exception exception) {
        if (exception instanceof UnprocessableArticleException || exception instanceof ExtractionFailedException) {
            return exception.getMessage();
        }
        return "processing failed: " + exception;
    }
}
