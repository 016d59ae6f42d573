package io.newsflow.sink;

import io.newsflow.sink.store.ArticleStore;
import io.newsflow.sink.store.ArticleStore.Rejection;
import io.newsflow.sink.store.Change;
import io.newsflow.sink.store.StoreException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
 * {@link RetriableException}, which makes the worker deliver the same records again after {@code retry.backoff.ms}:
 * nothing is skipped and nothing is reordered, and the writes already made are idempotent when replayed.
 *
 * <p>With {@code ops.bootstrap.servers} set, the task publishes what it has done as {@code OpsEvent} reports.
 */
public class NewsSinkTask extends SinkTask {

    /** Set by {@link NewsSinkConnector#taskConfigs} so that each task's ops reports name it. */
    static final String TASK_ID = "newsflow.task.id";

    private static final Logger log = LoggerFactory.getLogger(NewsSinkTask.class);

    private NewsSinkConfig config;
    private ArticleDecoder decoder;
    private ArticleStore store;
    private ErrantRecordReporter reporter;
    /** Per partition, the offset after the last record that is durably written (or reported). */
    private final Map<TopicPartition, OffsetAndMetadata> written = new HashMap<>();
    /** Per partition, the offset after the last record put() received: redeliveries are not counted in again. */
    private final Map<TopicPartition, Long> received = new HashMap<>();
    private int failedAttempts;
    private final SinkMetrics metrics = new SinkMetrics();
    private OpsReporter ops;
    private MetricsEndpoint.Registration monitoring;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new NewsSinkConfig(props);
        decoder = new ArticleDecoder(config.registryUrl());
        store = new ArticleStore(config.database());
        reporter = context.errantRecordReporter();
        log.info("Writing to {} in batches of up to {} records", config.database(), config.batchSize());
        String connector = props.getOrDefault("name", "newsflow-sink");
        String task = props.getOrDefault(TASK_ID, "0");
        ops = startOps(connector + "-" + task);
        monitoring = startMonitoring(connector, task);
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

    /**
     * Like the ops reports, the endpoint is outside the data path: a port that another program holds leaves the
     * task without it, with a warning, rather than stopping the writes. The scraper sees the target down and the
     * worker's REST API still has each task's state.
     */
    private MetricsEndpoint.Registration startMonitoring(String connector, String task) {
        if (config.metricsPort() < 0) {
            return null;
        }
        try {
            return MetricsEndpoint.register(config.metricsHost(), config.metricsPort(), connector, task, metrics);
        } catch (UncheckedIOException e) {
            log.warn("Task {}-{} runs without /metrics and /health: {} (set {} to another port, or -1)", connector,
                    task, e.getMessage(), NewsSinkConfig.METRICS_PORT);
            return null;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<SinkRecord> batch = new ArrayList<>(config.batchSize());
        for (SinkRecord record : records) {
            if (record.originalKafkaOffset() >= received.getOrDefault(partition(record), 0L)) {
                received.put(partition(record), record.originalKafkaOffset() + 1);
                metrics.received(1);
            }
            // A redelivery after a retriable failure repeats records this task already wrote: skip them, so they
            // cost nothing and undecodable ones are not reported twice.
            OffsetAndMetadata next = written.get(partition(record));
            if (next != null && record.originalKafkaOffset() < next.offset()) {
                continue;
            }
            batch.add(record);
            if (batch.size() == config.batchSize()) {
                write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
        failedAttempts = 0;
        metrics.recovered();
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

    private RetriableException retry(Exception cause) {
        failedAttempts++;
        if (failedAttempts > config.maxRetries()) {
            throw fail(new ConnectException("giving up after " + config.maxRetries() + " retries: "
                    + cause.getMessage(), cause));
        }
        metrics.retrying(cause.getMessage());
        log.warn("Attempt {} of {} failed, retrying in {} ms: {}", failedAttempts, config.maxRetries() + 1,
                config.retryBackoffMs(), cause.getMessage());
        context.timeout(config.retryBackoffMs());
        return cause instanceof RetriableException retriable ? retriable : new RetriableException(cause);
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
        if (ops != null) {
            ops.close();
        }
        if (monitoring != null) {
            monitoring.close();
        }
        if (store != null) {
            store.close();
        }
        if (decoder != null) {
            decoder.close();
        }
    }

    private static TopicPartition partition(SinkRecord record) {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }
}
