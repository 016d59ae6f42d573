package io.newsflow.enrichment;

import java.util.Map;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead-letters every record whose processing threw (an empty or oversized article, an extraction that failed or
 * ran past its budget), through the stock handler that builds the KIP-1034 record, and counts it for the ops report.
 */
public final class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private EnrichmentMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = EnrichmentConfig.metricsFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof InterruptException) {
            // The instance is shutting down mid-extraction; the record is fine and is read again after restart.
            return Response.fail();
        }
        metrics.deadLettered(exception);
        return super.handleError(context, record, exception);
    }
}
