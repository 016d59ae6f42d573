package io.newsflow.sink;

import io.newsflow.store.ArticleStore;
import io.newsflow.store.ArticleStore.Rejection;
import io.newsflow.store.Change;
import io.newsflow.store.StoreException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each delivery from the worker to the database before {@code put} returns, one transaction per
 * {@code batch.size} records, and tells the worker to commit exactly the offsets written so far.
 *
 * <p>A record that can never be stored (undecodable, or refused by a constraint) goes to the errant record
 * reporter and the rest of its batch is written. A transient failure (database or registry unreachable) throws
 * {@link RetriableException}, which makes the worker deliver the same records again: nothing is skipped and nothing
 * is reordered, and the writes already made are idempotent when replayed.
 *
 * <p>The worker redelivers after {@code context.timeout} or at its next offset commit, whichever comes first, so with
 * {@code offset.flush.interval.ms=1000} it comes back every second whatever the timeout says. The task keeps its own
 * schedule instead, a backoff doubling from {@code retry.backoff.ms} up to {@code retry.backoff.max.ms}: a
 * redelivery before the next attempt is due is turned away at once, without touching the database or the registry
 * and without counting as an attempt. While attempts fail the task is DEGRADED; it retries for as long as
 * {@code retry.timeout.ms} allows, by default for as long as the outage lasts.
 *
 * <p>Its metrics (see {@link SinkMetrics#register}) sit beside the worker's own for the task; with
 * {@code ops.bootstrap.servers} set, it also publishes what it has done as {@code OpsEvent} reports.
 */
public class NewsSinkTask extends SinkTask {

    /** Set by {@link NewsSinkConnector#taskConfigs} so that each task's ops reports name it. */
    static final String TASK_ID = "newsflow.task.id";
    /** Set by {@link NewsSinkConnector#taskConfigs} when the database could not be reached to create the tables. */
    static final String MIGRATE_FIRST = "newsflow.migrate.first";

    private static final Logger log = LoggerFactory.getLogger(NewsSinkTask.class);

    private NewsSinkConfig config;
    private ArticleDecoder decoder;
    private ArticleStore store;
    private ErrantRecordReporter reporter;
    /** Per partition, the offset after the last record that is durably written (or reported). */
    private final Map<TopicPartition, OffsetAndMetadata> written = new HashMap<>();
    /** Per partition, the offset after the last record put() received: redeliveries are not counted in again. */
    private final Map<TopicPartition, Long> received = new HashMap<>();
    private final Time time;
    /** Set from the first failed attempt until a delivery is written again. */
    private Outage outage;
    private final SinkMetrics metrics = new SinkMetrics();
    private String instanceId;
    private OpsReporter ops;

    public NewsSinkTask() {
        this(Time.SYSTEM);
    }

    /** With the clock the retry schedule is kept by: tests move it by hand. */
    NewsSinkTask(Time time) {
        this.time = time;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new NewsSinkConfig(props);
        decoder = new ArticleDecoder(config.registryConfigs());
        store = new ArticleStore(config.database(), Boolean.parseBoolean(props.get(MIGRATE_FIRST)));
        reporter = context.errantRecordReporter();
        log.info("Writing to {} in batches of up to {} records", config.database(), config.batchSize());
        String connector = props.getOrDefault("name", "newsflow-sink");
        String task = props.getOrDefault(TASK_ID, "0");
        instanceId = connector + "-" + task;
        ops = startOps(instanceId);
        metrics.register(context.pluginMetrics());
        if (ops != null) {
            ops.register(context.pluginMetrics());
        }
    }

    private OpsReporter startOps(String instanceId) {
        if (config.opsBootstrapServers() == null) {
            log.info("Task {} publishes no ops reports: {} is not set", instanceId,
                    NewsSinkConfig.OPS_BOOTSTRAP_SERVERS);
            return null;
        }
        try {
            return new OpsReporter(instanceId, metrics, config, Clock.systemUTC());
        } catch (RuntimeException e) {
            log.warn("Task {} publishes no ops reports: {}", instanceId, e.getMessage(), e);
            return null;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<SinkRecord> pending = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            if (record.originalKafkaOffset() >= received.getOrDefault(partition(record), 0L)) {
                received.put(partition(record), record.originalKafkaOffset() + 1);
                metrics.received(1);
            }
            // A redelivery after a retriable failure repeats records this task already wrote: skip them, so they
            // cost nothing and undecodable ones are not reported twice.
            OffsetAndMetadata next = written.get(partition(record));
            if (next == null || record.originalKafkaOffset() >= next.offset()) {
                pending.add(record);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        if (outage != null) {
            long wait = outage.nextAttemptMs - time.milliseconds();
            if (wait > 0) {
                context.timeout(wait);
                throw new NotDueYet("attempt " + (outage.failedAttempts + 1) + " is due in " + wait + " ms; "
                        + outage.failedAttempts + " failed over " + lasted(outage) + ", the last with: "
                        + outage.lastFailure);
            }
        }
        for (int from = 0; from < pending.size(); from += config.batchSize()) {
            write(pending.subList(from, Math.min(from + config.batchSize(), pending.size())));
        }
        if (outage != null) {
            log.info("Task {} is writing again after an outage of {} ({} failed attempts)", instanceId,
                    lasted(outage), outage.failedAttempts);
            outage = null;
            metrics.recovered();
        }
    }

    private void write(List<SinkRecord> batch) {
        long started = System.nanoTime();
        List<Change> changes = new ArrayList<>(batch.size());
        List<SinkRecord> sources = new ArrayList<>(batch.size());
        List<Map.Entry<SinkRecord, DataException>> undecodable = new ArrayList<>();
        for (SinkRecord record : batch) {
            try {
                changes.add(decoder.decode(record));
                sources.add(record);
            } catch (DataException e) {
                undecodable.add(Map.entry(record, e));
            } catch (RetriableException e) {
                throw retry(e);
            }
        }
        List<Rejection> rejected;
        try {
            rejected = store.write(changes);
        } catch (StoreException e) {
            if (e.isRetriable()) {
                throw retry(e);
            }
            throw fail(new ConnectException(e.getMessage(), e));
        }
        metrics.written(changes.size() - rejected.size(), System.nanoTime() - started);
        undecodable.forEach(failed -> report(failed.getKey(), failed.getValue()));
        for (Rejection rejection : rejected) {
            report(sources.get(rejection.index()), new DataException(
                    "the database refused the article: " + rejection.reason(), rejection.cause()));
        }
        for (SinkRecord record : batch) {
            written.put(partition(record), new OffsetAndMetadata(record.originalKafkaOffset() + 1));
        }
    }

    /**
     * Schedules the next attempt after a transient failure, or fails the task once {@code retry.timeout.ms} is up.
     */
    private RetriableException retry(Exception cause) {
        long now = time.milliseconds();
        if (outage == null) {
            outage = new Outage(now);
        }
        outage.failedAttempts++;
        outage.lastFailure = cause.getMessage();
        long timeout = config.retryTimeoutMs();
        long elapsed = now - outage.startedMs;
        if (timeout >= 0 && elapsed >= timeout) {
            throw fail(new ConnectException("giving up after " + outage.failedAttempts + " failed attempts over "
                    + lasted(outage) + " (" + NewsSinkConfig.RETRY_TIMEOUT_MS + "=" + timeout + "): "
                    + cause.getMessage(), cause));
        }
        long backoff = backoff(outage.failedAttempts);
        if (timeout >= 0) {
            // The last attempt is made when the time is up, not a whole backoff after it.
            backoff = Math.min(backoff, timeout - elapsed);
        }
        outage.nextAttemptMs = now + backoff;
        metrics.retrying(cause.getMessage());
        if (outage.failedAttempts == 1) {
            log.warn("Task {} is DEGRADED: writing failed transiently, next attempt in {} ms (waits double up to "
                    + "{} ms while it fails): {}", instanceId, backoff, config.retryBackoffMaxMs(), cause.getMessage());
        } else {
            log.warn("Task {}: attempt {} failed after {} of outage, next in {} ms: {}", instanceId,
                    outage.failedAttempts, lasted(outage), backoff, cause.getMessage());
        }
        context.timeout(backoff);
        return cause instanceof RetriableException retriable ? retriable : new RetriableException(cause);
    }

    /** The wait after the n-th failed attempt in a row: retry.backoff.ms, doubled each time, capped. */
    private long backoff(int failedAttempts) {
        long max = config.retryBackoffMaxMs();
        long backoff = Math.min(config.retryBackoffMs(), max);
        for (int i = 1; i < failedAttempts && backoff < max; i++) {
            backoff = backoff > max / 2 ? max : backoff * 2;
        }
        return backoff;
    }

    private String lasted(Outage outage) {
        return Duration.ofMillis(time.milliseconds() - outage.startedMs).toString().substring(2).toLowerCase();
    }

    private ConnectException fail(ConnectException e) {
        metrics.failed(e.getMessage());
        return e;
    }

    private void report(SinkRecord record, Exception reason) {
        if (reporter == null) {
            throw fail(new ConnectException("cannot store record " + partition(record) + "@"
                    + record.originalKafkaOffset() + " and this worker has no errant record reporter: "
                    + reason.getMessage(), reason));
        }
        log.warn("Reporting record {}@{}: {}", partition(record), record.originalKafkaOffset(), reason.getMessage());
        reporter.report(record, reason);
        metrics.deadLettered(reason.getMessage());
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // Only what put() wrote and committed: the worker may have consumed further than that.
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        for (TopicPartition partition : currentOffsets.keySet()) {
            OffsetAndMetadata offset = written.get(partition);
            if (offset != null) {
                committable.put(partition, offset);
            }
        }
        return committable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // After a rebalance another task owns these; if they come back, their offsets come from the worker again.
        // What they received stays: records read again below it are replays, not new records in.
        written.keySet().removeAll(partitions);
    }

    @Override
    public void stop() {
        metrics.stopped();
        // The database connection first: publishing the last report can take seconds when the broker is
        // unreachable, and the worker stops waiting for a task after task.shutdown.graceful.timeout.ms.
        if (store != null) {
            store.close();
        }
        if (decoder != null) {
            decoder.close();
        }
        if (ops != null) {
            ops.close();
        }
    }

    private static final class Outage {

        final long startedMs;
        int failedAttempts;
        long nextAttemptMs;
        String lastFailure;

        Outage(long startedMs) {
            this.startedMs = startedMs;
        }
    }

    /**
     * Turns away a redelivery that came before the next attempt is due. The worker logs every RetriableException at
     * ERROR with its stack trace, once per offset commit interval during an outage: this one has none to print.
     */
    private static final class NotDueYet extends RetriableException {

        NotDueYet(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static TopicPartition partition(SinkRecord record) {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }
}
