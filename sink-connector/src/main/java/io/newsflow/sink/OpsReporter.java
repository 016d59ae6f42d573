package io.newsflow.sink;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one task's {@link OpsEvent}, keyed {@code sink/<instance id>}, every interval and once more on close.
 * A report is an observation, not data: a failure to publish one is logged and never reaches the task.
 */
final class OpsReporter implements AutoCloseable {

    static final String STAGE = "sink";

    private static final Logger log = LoggerFactory.getLogger(OpsReporter.class);
    /**
     * Bounds how long a report waits for an unreachable broker; a stop waits for at most two (one in flight, the
     * final one), which stays near the worker's 5 s task.shutdown.graceful.timeout.ms.
     */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(2);

    private final String instanceId;
    private final String topic;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final Producer<String, OpsEvent> producer;
    private final ScheduledExecutorService schedule;

    OpsReporter(String instanceId, SinkMetrics metrics, NewsSinkConfig config, Clock clock) {
        this.instanceId = instanceId;
        this.topic = config.opsTopic();
        this.metrics = metrics;
        this.clock = clock;
        AvroKafkaSerializer<OpsEvent> serializer = new AvroKafkaSerializer<>();
        serializer.configure(RegistrySerdes.config(config.registryUrl()), false);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.opsBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "newsflow-sink-ops-" + instanceId,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis()),
                new StringSerializer(), serializer);
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "newsflow-sink-ops-" + instanceId);
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.opsReportIntervalMs();
        schedule.scheduleAtFixedRate(this::report, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void report() {
        try {
            producer.send(new ProducerRecord<>(topic, STAGE + "/" + instanceId, snapshot()), (metadata, e) -> {
                if (e != null) {
                    log.warn("Could not publish the ops report of {}: {}", instanceId, e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            // Serializer (registry) and metadata failures land here; the next report may get through.
            log.warn("Could not publish the ops report of {}: {}", instanceId, e.getMessage());
        }
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
        // A report in flight is let finish (MAX_BLOCK bounds it) so that the final report cannot overtake it.
        schedule.shutdown();
        try {
            schedule.awaitTermination(MAX_BLOCK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report();
        producer.close(MAX_BLOCK);
    }
}
