package io.newsflow.enrichment;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What this instance reports on {@code news.ops}: its counters since start, the processing latency since the last
 * report, its state, and how far its consumers are behind on {@code news.raw}.
 */
final class OpsSnapshot implements Supplier<OpsEvent> {

    static final String STAGE = "enrichment";

    private final String instanceId;
    private final EnrichmentMetrics metrics;
    private final Supplier<String> state;
    private final Supplier<Map<MetricName, ? extends Metric>> clientMetrics;
    private final Clock clock;

    OpsSnapshot(String instanceId, EnrichmentMetrics metrics, Supplier<String> state,
                Supplier<Map<MetricName, ? extends Metric>> clientMetrics, Clock clock) {
        this.instanceId = instanceId;
        this.metrics = metrics;
        this.state = state;
        this.clientMetrics = clientMetrics;
        this.clock = clock;
    }

    @Override
    public OpsEvent get() {
        return OpsPublisher.report(STAGE, instanceId, clock.instant(), state.get(), metrics.drainLatencies())
                .setRecordsIn(metrics.recordsIn())
                .setRecordsOut(metrics.recordsOut())
                .setDeadLettered(metrics.deadLettered())
                .setDuplicatesDropped(metrics.duplicatesDropped())
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
}
