package io.newsflow.enrichment;

import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.RawArticle;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets each version of an article through once. Keyed by article id, the store remembers the content hash and
 * version of the last version let through; the changelog and the output are written in one transaction, so the
 * memory and the output never disagree after a crash.
 *
 * <ul>
 *   <li>Same content as the last version within the window: a re-delivery, dropped.</li>
 *   <li>A higher version: a correction, let through.</li>
 *   <li>A lower version than the last one: a correction overtaken by a newer one, logged and dropped, so that it
 *       cannot overwrite the newer version downstream.</li>
 *   <li>Other content without a version: let through, since the source changed the story.</li>
 *   <li>A dead letter replayed by an operator ({@link DeadLetterReason#REPLAYED_FROM_HEADER}): let through, since
 *       the version remembered is the one whose enrichment failed.</li>
 * </ul>
 */
final class DuplicateFilter implements FixedKeyProcessor<String, RawArticle, RawArticle> {

    static final String STORE = "seen-articles";

    private static final Logger log = LoggerFactory.getLogger(DuplicateFilter.class);

    enum Verdict {
        FIRST(true), NEWER_VERSION(true), CHANGED(true), OUTSIDE_WINDOW(true), REPLAYED(true), DUPLICATE(false),
        STALE_VERSION(false);

        final boolean passes;

        Verdict(boolean passes) {
            this.passes = passes;
        }
    }

    private final Duration window;
    private final Duration retention;
    private final EnrichmentMetrics metrics;
    private FixedKeyProcessorContext<String, RawArticle> context;
    private KeyValueStore<String, SeenArticle> seen;

    DuplicateFilter(Duration window, Duration retention, EnrichmentMetrics metrics) {
        this.window = window;
        this.retention = retention;
        this.metrics = metrics;
    }

    static StoreBuilder<KeyValueStore<String, SeenArticle>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), SeenArticle.serde());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RawArticle> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
        // Stream time, not wall-clock: replaying old input must forget exactly what live processing forgot.
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetOlderThan);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        RawArticle article = record.value();
        if (article == null) {
            seen.delete(record.key());
            context.forward(record);
            return;
        }
        SeenArticle previous = seen.get(record.key());
        Verdict verdict = record.headers().lastHeader(DeadLetterReason.REPLAYED_FROM_HEADER) != null
                ? Verdict.REPLAYED : judge(previous, article, record.timestamp(), window);
        if (verdict.passes) {
            seen.put(record.key(), new SeenArticle(article.getContentHash(), article.getVersion(), record.timestamp()));
            context.forward(record);
        } else if (verdict == Verdict.STALE_VERSION) {
            log.info("dropped version {} of {}: version {} was already enriched", article.getVersion(), record.key(),
                    previous.version());
            metrics.staleVersionDropped();
        } else {
            metrics.duplicateDropped();
        }
    }

    static Verdict judge(SeenArticle previous, RawArticle article, long timestamp, Duration window) {
        if (previous == null) {
            return Verdict.FIRST;
        }
        if (previous.version() != null && article.getVersion() != null) {
            int order = Long.compare(article.getVersion(), previous.version());
            if (order > 0) {
                return Verdict.NEWER_VERSION;
            }
            if (order < 0) {
                return Verdict.STALE_VERSION;
            }
        }
        if (!previous.contentHash().equals(article.getContentHash())) {
            return Verdict.CHANGED;
        }
        return timestamp - previous.seenAt() <= window.toMillis() ? Verdict.DUPLICATE : Verdict.OUTSIDE_WINDOW;
    }

    private void forgetOlderThan(long streamTime) {
        long horizon = streamTime - retention.toMillis();
        try (KeyValueIterator<String, SeenArticle> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, SeenArticle> entry = all.next();
                if (entry.value.seenAt() < horizon) {
                    seen.delete(entry.key);
                }
            }
        }
    }
}
