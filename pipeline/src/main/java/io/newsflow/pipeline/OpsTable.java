package io.newsflow.pipeline;

import io.newsflow.schemas.OpsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The latest report of every stage instance, and its throughput over the interval between its last two reports.
 * Instances that stopped reporting stay visible (their AGE grows) so an operator sees what went quiet.
 */
final class OpsTable {

    private record Row(OpsEvent latest, OpsEvent previous) {
        double outPerSecond() {
            if (previous == null) {
                return Double.NaN;
            }
            double seconds = Duration.between(previous.getTimestamp(), latest.getTimestamp()).toMillis() / 1000.0;
            return seconds <= 0 ? Double.NaN : (latest.getRecordsOut() - previous.getRecordsOut()) / seconds;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    void add(OpsEvent event) {
        String key = event.getStage() + "/" + event.getInstanceId();
        Row row = rows.get(key);
        if (row == null || !event.getTimestamp().isBefore(row.latest().getTimestamp())) {
            rows.put(key, new Row(event, row == null ? null : row.latest()));
        }
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render(Instant now) {
        TextTable table = new TextTable("STAGE", "INSTANCE", "STATE", "IN", "OUT", "OUT/S", "LAG", "DEAD", "DUPS",
                "P50 MS", "P99 MS", "AGE", "LAST ERROR");
        rows.values().stream()
                .sorted(Comparator.comparing((Row r) -> r.latest().getStage()).thenComparing(r -> r.latest().getInstanceId()))
                .forEach(row -> {
                    OpsEvent e = row.latest();
                    table.add(e.getStage(), e.getInstanceId(), e.getState(),
                            String.valueOf(e.getRecordsIn()), String.valueOf(e.getRecordsOut()),
                            Double.isNaN(row.outPerSecond()) ? "-" : String.format(Locale.ROOT, "%.1f", row.outPerSecond()),
                            e.getConsumerLag() == null ? "-" : String.valueOf(e.getConsumerLag()),
                            String.valueOf(e.getDeadLettered()), String.valueOf(e.getDuplicatesDropped()),
                            millis(e.getLatencyP50Ms()), millis(e.getLatencyP99Ms()),
                            age(Duration.between(e.getTimestamp(), now)),
                            e.getLastError() == null ? "" : TextTable.cell(e.getLastError(), 60));
                });
        return table.render();
    }

    private static String millis(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        return seconds < 120 ? seconds + "s" : seconds < 7200 ? seconds / 60 + "m" : seconds / 3600 + "h";
    }
}
