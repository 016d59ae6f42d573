package io.newsflow.enrichment;

import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistryFailures;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads the {@code RawArticle} in a news.raw value, as the first step of the topology rather than in its source.
 * A value that cannot be read fails here with the reason in words ({@link DeadLetterReason#unreadable}) and goes to
 * the dead-letter topic through {@link DeadLetterProcessingHandler}, which logs it once. Read in the source, it would
 * go through Streams' deserialization path, which logs every such record again at WARN with its stack trace.
 */
final class RawArticleReader implements FixedKeyProcessor<String, byte[], RawArticle> {

    private final Deserializer<?> values;
    private final EnrichmentMetrics metrics;
    private FixedKeyProcessorContext<String, RawArticle> context;

    RawArticleReader(Deserializer<?> values, EnrichmentMetrics metrics) {
        this.values = values;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RawArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        metrics.recordIn();
        byte[] value = record.value();
        if (value == null) {
            context.forward(record.withValue(null));
            return;
        }
        Object read;
        try {
            read = values.deserialize(Topics.RAW, record.headers(), value);
        } catch (RuntimeException e) {
            if (RegistryFailures.isUnavailable(e)) {
                // The registry, not the record: the handler fails the thread, and the record is read again.
                throw e;
            }
            throw new UnprocessableArticleException(DeadLetterReason.unreadable(value, e), e);
        }
        if (!(read instanceof RawArticle article)) {
            String written = read == null ? "nothing" : read.getClass().getName();
            throw new UnprocessableArticleException(DeadLetterReason.unreadable(value, new IllegalArgumentException(
                    "written as " + written + ", where " + Topics.RAW + " carries " + RawArticle.class.getName())));
        }
        context.forward(record.withValue(article));
    }
}
