package io.newsflow.enrichment;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the instance's {@link OpsEvent} to {@code news.ops}, keyed by instance id, every interval and once
 * more on close. Its producer is outside the Streams transactions: a report is an observation, not part of the
 * data, and must go out even while processing is stuck.
 */
final class OpsReporter implements AutoCloseable {

    static final String STAGE = "enrichment";

    private static final Logger log = LoggerFactory.getLogger(OpsReporter.class);

    private final String instanceId;
    private final EnrichmentMetrics metrics;
    private final Supplier<String> state;
    private final Supplier<Map<MetricName, ? extends Metric>> clientMetrics;
    private final Clock clock;
    private final Producer<String, OpsEvent> producer;
    private final ScheduledExecutorService schedule;

    OpsReporter(String instanceId, EnrichmentMetrics metrics, Supplier<String> state,
                Supplier<Map<MetricName, ? extends Metric>> clientMetrics, Map<String, Object> producerConfigs,
                Map<String, Object> serdeConfigs, Clock clock) {
        this.instanceId = instanceId;
        this.metrics = metrics;
        this.state = state;
        this.clientMetrics = clientMetrics;
        this.clock = clock;
        AvroKafkaSerializer<OpsEvent> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfigs, false);
        Map<String, Object> configs = new HashMap<>(producerConfigs);
        configs.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-enrichment-ops-" + instanceId);
        this.producer = new KafkaProducer<>(configs, new StringSerializer(), serializer);
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "newsflow-ops-reporter");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(Duration interval) {
        schedule.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void report() {
        try {
            producer.send(new ProducerRecord<>(Topics.OPS, instanceId, snapshot()), (metadata, e) -> {
                if (e != null) {
                    log.warn("could not publish the ops report of {}", instanceId, e);
                }
            });
        } catch (RuntimeException e) {
            // The reporter must never take the instance down; the next report may get through.
            log.warn("could not publish the ops report of {}", instanceId, e);
        }
    }

    OpsEvent snapshot() {
        double[] latency = metrics.drainLatencies();
        return OpsEvent.newBuilder()
                .setStage(STAGE)
                .setInstanceId(instanceId)
                .setTimestamp(clock.instant())
                .setState(state.get())
                .setRecordsIn(metrics.recordsIn())
                .setRecordsOut(metrics.recordsOut())
                .setDeadLettered(metrics.deadLettered())
                .setDuplicatesDropped(metrics.duplicatesDropped())
                .setLatencyP50Ms(latency == null ? null : latency[0])
                .setLatencyP99Ms(latency == null ? null : latency[1])
                .setConsumerLag(lag())
                .setLastError(metrics.lastError())
                .build();
    }

    /** Records of news.raw not yet read by this instance's consumers, summed over their partitions. */
    private Long lag() {
        long total = 0;
        boolean any = false;
        for (Map.Entry<MetricName, ? extends Metric> metric : clientMetrics.get().entrySet()) {
            MetricName name = metric.getKey();
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && Topics.RAW.equals(name.tags().get("topic"))) {
                Object value = metric.getValue().metricValue();
                if (value instanceof Double lag && !lag.isNaN()) {
                    total += lag.longValue();
                    any = true;
                }
            }
        }
        return any ? total : null;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        report();
        producer.close(Duration.ofSeconds(5));
    }
}
