package io.newsflow.sink;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.OpsPublisher;
import io.newsflow.schemas.RegistrySerdes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Publishes one task's {@link OpsEvent} every interval and once more on close (see {@link OpsPublisher}). */
final class OpsReporter implements AutoCloseable {

    static final String STAGE = "sink";

    private final String instanceId;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final OpsPublisher publisher;

    OpsReporter(String instanceId, SinkMetrics metrics, NewsSinkConfig config, Clock clock) {
        this.instanceId = instanceId;
        this.metrics = metrics;
        this.clock = clock;
        this.publisher = OpsPublisher.start(STAGE, instanceId, config.opsTopic(),
                Duration.ofMillis(config.opsReportIntervalMs()), this::snapshot,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.opsBootstrapServers()),
                RegistrySerdes.config(config.registryUrl()));
    }

    OpsEvent snapshot() {
        double[] latency = metrics.drainLatencies();
        return OpsEvent.newBuilder()
                .setStage(STAGE)
                .setInstanceId(instanceId)
                .setTimestamp(clock.instant())
                .setState(metrics.state())
                .setRecordsIn(metrics.recordsIn())
                .setRecordsOut(metrics.recordsOut())
                .setDeadLettered(metrics.deadLettered())
                .setLatencyP50Ms(latency == null ? null : latency[0])
                .setLatencyP99Ms(latency == null ? null : latency[1])
                // The worker owns the consumer and does not share its fetch metrics with the task.
                .setConsumerLag(null)
                .setLastError(metrics.lastError())
                .build();
    }

    /** Publishes the last report, with the state the task stopped in. */
    @Override
    public void close() {
        publisher.close();
    }
}
