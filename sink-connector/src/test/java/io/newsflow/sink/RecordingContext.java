package io.newsflow.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The part of a worker that a task talks to while it writes, keeping what the task reported and asked for. Tests
 * that need the worker's real behaviour (redelivery, the dead letter queue) run in an EmbeddedConnectCluster.
 */
final class RecordingContext implements SinkTaskContext, ErrantRecordReporter {

    record Report(SinkRecord record, Throwable error) {
    }

    final List<Report> reports = new ArrayList<>();
    long timeoutMs = -1;
    /** Kafka's own registry and plugin metrics, tagged as a worker tags those of task 0 of newsflow-sink. */
    private final Metrics metrics = new Metrics();
    private final PluginMetrics pluginMetrics = new PluginMetricsImpl(metrics,
            new LinkedHashMap<>(Map.of("connector", "newsflow-sink", "task", "0")));

    /** The value of one of the task's plugin metrics, {@code tags} as name, value pairs beyond connector and task. */
    double metric(String name, String... tags) {
        LinkedHashMap<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            extra.put(tags[i], tags[i + 1]);
        }
        MetricName metricName = pluginMetrics.metricName(name, "", extra);
        return ((Number) metrics.metric(metricName).metricValue()).doubleValue();
    }

    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        reports.add(new Report(record, error));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return this;
    }

    @Override
    public void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }
}
