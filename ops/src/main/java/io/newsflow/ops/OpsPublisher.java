package io.newsflow.ops;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistryAvroSerializer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one instance's {@link OpsEvent} to the ops topic every interval, keyed {@code stage/instance id}, and
 * once more on close, for every stage alike. A report is an observation, not data: its producer is its own (outside
 * any transaction, so reports go out even while processing is stuck), and a failure to publish one is logged and
 * never reaches the stage.
 */
public final class OpsPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpsPublisher.class);
    /**
     * Bounds how long a report waits for an unreachable broker; a close waits for at most two (one in flight, the
     * final one), which keeps a stage's shutdown near Connect's 5 s task.shutdown.graceful.timeout.ms.
     */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(2);

    private final String key;
    private final String topic;
    private final Supplier<OpsEvent> snapshot;
    private final Producer<String, OpsEvent> producer;
    private final ScheduledExecutorService schedule;
    private volatile long lastPublishedMillis = System.currentTimeMillis();

    private OpsPublisher(String key, String topic, Supplier<OpsEvent> snapshot, Map<String, Object> producerConfigs,
                         Map<String, ?> serdeConfigs) {
        this.key = key;
        this.topic = topic;
        this.snapshot = snapshot;
        // Looks up the ops schema that setup registered (never registers it) and keeps its id for good, where the
        // registry's own serializer looks it up again every 30 s: reports keep going out through a registry outage
        // (a DEGRADED stage says so on news.ops).
        RegistryAvroSerializer<OpsEvent> serializer = new RegistryAvroSerializer<>();
        serializer.configure(serdeConfigs, false);
        Map<String, Object> configs = new HashMap<>(producerConfigs);
        configs.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ops-" + key.replace('/', '-'));
        configs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        // Reports are small and replaceable; a stage's transactional or idempotence settings are not theirs.
        configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // Nor its codec: a report goes out alone in its batch, where compression saves nothing, and news.ops is read
        // by clients (kafkajs among them) that decode no codec but gzip without plugins. See io.newsflow.schemas.Topics.
        configs.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        this.producer = new KafkaProducer<>(configs, new StringSerializer(), serializer);
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "newsflow-ops-" + key);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts reporting what {@code snapshot} returns for {@code stage}'s instance {@code instanceId} to
     * {@code topic} every {@code interval}, through a producer built from {@code producerConfigs} (bootstrap
     * servers and any security settings) and a value serializer built from {@code serdeConfigs}.
     */
    public static OpsPublisher start(String stage, String instanceId, String topic, Duration interval,
                                     Supplier<OpsEvent> snapshot, Map<String, Object> producerConfigs,
                                     Map<String, ?> serdeConfigs) {
        OpsPublisher publisher = new OpsPublisher(stage + "/" + instanceId, topic, snapshot, producerConfigs,
                serdeConfigs);
        long millis = interval.toMillis();
        publisher.schedule.scheduleAtFixedRate(publisher::report, millis, millis, TimeUnit.MILLISECONDS);
        return publisher;
    }

    /**
     * A report's fields common to every stage: who reports, when, in what state, and the p50/p99 latency in ms of
     * the records since the last report ({@code latencyMs} null when there were none); the stage adds its counts.
     */
    public static OpsEvent.Builder report(String stage, String instanceId, Instant at, String state,
                                          double[] latencyMs) {
        return OpsEvent.newBuilder()
                .setStage(stage)
                .setInstanceId(instanceId)
                .setTimestamp(at)
                .setState(state)
                .setLatencyP50Ms(latencyMs == null ? null : latencyMs[0])
                .setLatencyP99Ms(latencyMs == null ? null : latencyMs[1]);
    }

    /** The host name (as containers set {@code HOSTNAME}) and a random suffix: unique enough to tell instances apart. */
    public static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
    }

    private void report() {
        try {
            producer.send(new ProducerRecord<>(topic, key, snapshot.get()), (metadata, e) -> {
                if (e != null) {
                    log.warn("Could not publish the ops report of {}: {}", key, e.getMessage());
                } else {
                    lastPublishedMillis = System.currentTimeMillis();
                }
            });
        } catch (RuntimeException e) {
            // Serializer (registry) and metadata failures land here; the next report may get through.
            log.warn("Could not publish the ops report of {}: {}", key, e.getMessage());
        }
    }

    /** Epoch seconds when the broker last acknowledged a report, or when reporting started: what alerts watch. */
    public double lastPublishedEpochSeconds() {
        return lastPublishedMillis / 1000.0;
    }

    /** Publishes the last report, with the state the instance stopped in. */
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
