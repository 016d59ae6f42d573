package io.newsflow.sink;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.ops.OpsPublisher;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.utils.Sanitizer;

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
                config.opsProducerConfigs(), config.registryConfigs());
    }

    /** A stage silent on the ops topic is alerted on through this metric: the reports are not in Prometheus. */
    void register(PluginMetrics plugin) {
        plugin.addMetric(plugin.metricName("newsflow-ops-last-report-timestamp-seconds", "When the broker last "
                        + "acknowledged the task's ops report, or when reporting started (epoch seconds)",
                new LinkedHashMap<>()), (Measurable) (config, now) -> publisher.lastPublishedEpochSeconds());
    }

    OpsEvent snapshot() {
        return OpsPublisher.report(STAGE, instanceId, clock.instant(), metrics.state(), metrics.drainLatencies())
                .setRecordsIn(metrics.recordsIn())
                .setRecordsOut(metrics.recordsOut())
                .setDeadLettered(metrics.deadLettered())
                .setConsumerLag(lag())
                .setLastError(metrics.lastError())
                .build();
    }

    /**
     * Records of the task's partitions its consumer has not fetched yet, summed, from the fetch metrics the worker's
     * consumer for this task ({@code connector-consumer-<connector>-<task>}) registers in the JVM's MBean server;
     * null where there are none (JMX reporting off, or not in a Connect worker).
     */
    private Long lag() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName partitions = new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id="
                    + Sanitizer.jmxSanitize("connector-consumer-" + instanceId) + ",topic=*,partition=*");
            long total = 0;
            boolean any = false;
            for (ObjectName partition : server.queryNames(partitions, null)) {
                if (server.getAttribute(partition, "records-lag") instanceof Double lag && !lag.isNaN()) {
                    total += lag.longValue();
                    any = true;
                }
            }
            return any ? total : null;
        } catch (JMException e) {
            return null;
        }
    }

    /** Publishes the last report, with the state the task stopped in. */
    @Override
    public void close() {
        publisher.close();
    }
}
