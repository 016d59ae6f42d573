package io.newsflow.enrichment;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters records that cannot be deserialized (through the stock handler, which builds the KIP-1034 record),
 * except when the registry is unreachable past {@link RegistryRetryingSerde}'s deadline: then the record is fine
 * and only the schema lookup failed, so the stream thread fails instead, and the thread that replaces it reads the
 * record again from the last commit.
 */
public final class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private EnrichmentMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = EnrichmentConfig.metricsFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (RegistryFailures.isUnavailable(exception)) {
            log.error("schema registry still unavailable while reading {}-{}@{}; failing the thread to retry from "
                    + "the last commit", context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        // The record was read even though it never reaches the topology, where records in are counted.
        metrics.recordIn();
        metrics.deadLettered(exception);
        return super.handleError(context, record, exception);
    }
}
