package io.newsflow.ingest;

import io.newsflow.ingest.format.Rejection;
import io.newsflow.ops.LatencySample;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What the ingest stage reports on {@code news.ops}: stories read, published (acknowledged by the brokers),
 * rejected, already delivered, the latency from a story's arrival to its acknowledgement, and the last failure.
 * Follows a run as its {@link IngestListener}; thread-safe.
 */
public final class IngestOps implements IngestListener, Supplier<OpsEvent> {

    public static final String STAGE = "ingest";

    private final String instanceId;
    private final Supplier<String> state;
    private final Clock clock;
    private final LongAdder in = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LatencySample latency = new LatencySample(8_192);
    private volatile String lastError;

    public IngestOps(String instanceId, Supplier<String> state, Clock clock) {
        this.instanceId = instanceId;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void published(RawArticle article) {
        in.increment();
        published.increment();
        latency.record(Duration.between(article.getReceivedAt(), clock.instant()).toNanos());
    }

    @Override
    public void rejected(Rejection rejection) {
        in.increment();
        rejected.increment();
        lastError = "rejected " + rejection.source() + ": " + rejection.reason();
    }

    @Override
    public void duplicate(RawArticle article) {
        in.increment();
        duplicates.increment();
    }

    @Override
    public void failed(RawArticle article, Exception cause) {
        in.increment();
        lastError = "could not publish " + article.getId() + ": " + cause.getMessage();
    }

    @Override
    public OpsEvent get() {
        return OpsPublisher.report(STAGE, instanceId, clock.instant(), state.get(), latency.drainPercentilesMs())
                .setRecordsIn(in.sum())
                .setRecordsOut(published.sum())
                // Rejected stories are the stage's dead letters: each is on news.rejects with its reason.
                .setDeadLettered(rejected.sum())
                .setDuplicatesDropped(duplicates.sum())
                .setLastError(lastError)
                .build();
    }
}
