package io.newsflow.web;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every stage instance's reports on {@code news.ops} over the last hour, read in the background: the latest report,
 * its throughput against the one before, and the series the page charts.
 */
final class OpsView extends BackgroundReader<String, OpsEvent> {

    static final Duration HISTORY = Duration.ofHours(1);

    /** One point of an instance's chart. */
    record Point(Instant at, long recordsOut, Long lag, long deadLettered) {
    }

    /** An instance as the page shows it; {@code outPerSecond} is null until two reports arrived. */
    record Instance(String stage, String instanceId, String state, Instant reportedAt, long recordsIn,
            long recordsOut, Double outPerSecond, Long lag, long deadLettered, long duplicatesDropped,
            Double latencyP50Ms, Double latencyP99Ms, String lastError, List<Point> history) {
    }

    private final Map<String, Deque<OpsEvent>> reports = new LinkedHashMap<>();

    private OpsView(KafkaConsumer<String, OpsEvent> consumer) {
        super(consumer, "web-ops-reader");
    }

    static OpsView start(Map<String, Object> settings) {
        KafkaConsumer<String, OpsEvent> consumer = new KafkaConsumer<>(KafkaClients.consumer(settings, "newsflow-web-ops"),
                new StringDeserializer(),
                RegistrySerdes.valueDeserializer(settings));
        OpsView view = new OpsView(consumer);
        view.start();
        return view;
    }

    @Override
    void position() {
        KafkaClients.assignSince(consumer, Topics.OPS, Instant.now().minus(HISTORY).toEpochMilli());
    }

    @Override
    void accept(ConsumerRecord<String, OpsEvent> record) {
        if (record.value() != null) {
            add(record.value());
        }
    }

    private synchronized void add(OpsEvent event) {
        Deque<OpsEvent> series = reports.computeIfAbsent(event.getStage() + "/" + event.getInstanceId(),
                key -> new ArrayDeque<>());
        if (!series.isEmpty() && event.getTimestamp().isBefore(series.peekLast().getTimestamp())) {
            return;
        }
        series.addLast(event);
        Instant horizon = event.getTimestamp().minus(HISTORY);
        while (series.peekFirst().getTimestamp().isBefore(horizon)) {
            series.removeFirst();
        }
    }

    synchronized Map<String, Object> snapshot() {
        List<Instance> instances = reports.values().stream().map(OpsView::instance)
                .sorted(Comparator.comparing(Instance::stage).thenComparing(Instance::instanceId)).toList();
        return Map.of("instances", instances, "now", Instant.now());
    }

    private static Instance instance(Deque<OpsEvent> series) {
        OpsEvent latest = series.peekLast();
        Double outPerSecond = null;
        if (series.size() > 1) {
            OpsEvent previous = series.stream().skip(series.size() - 2).findFirst().orElseThrow();
            double seconds = Duration.between(previous.getTimestamp(), latest.getTimestamp()).toMillis() / 1000.0;
            outPerSecond = seconds <= 0 ? null : (latest.getRecordsOut() - previous.getRecordsOut()) / seconds;
        }
        List<Point> history = series.stream()
                .map(e -> new Point(e.getTimestamp(), e.getRecordsOut(), e.getConsumerLag(), e.getDeadLettered()))
                .toList();
        return new Instance(latest.getStage(), latest.getInstanceId(), latest.getState(), latest.getTimestamp(),
                latest.getRecordsIn(), latest.getRecordsOut(), outPerSecond, latest.getConsumerLag(),
                latest.getDeadLettered(), latest.getDuplicatesDropped(), latest.getLatencyP50Ms(),
                latest.getLatencyP99Ms(), latest.getLastError(), history);
    }
}
