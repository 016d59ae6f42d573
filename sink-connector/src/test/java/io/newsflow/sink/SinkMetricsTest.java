package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    private final SinkMetrics metrics = new SinkMetrics();

    @Test
    void latencyPercentilesWeighEachBatchByItsRecords() {
        metrics.written(98, 10_000_000L);
        metrics.written(1, 50_000_000L);
        metrics.written(1, 900_000_000L);

        assertThat(metrics.drainLatencies()).containsExactly(10.0, 50.0);
        assertThat(metrics.drainLatencies()).as("drained").isNull();
        assertThat(metrics.recordsOut()).isEqualTo(100);
    }

    @Test
    void aFailedTaskStillSaysSoWhenItStops() {
        metrics.retrying("database unreachable");
        metrics.failed("giving up after 3 retries");
        metrics.stopped();

        assertThat(metrics.state()).isEqualTo(SinkMetrics.FAILED);
        assertThat(metrics.lastError()).isEqualTo("giving up after 3 retries");
    }

    @Test
    void aDegradedTaskRunsAgainOnceAWriteSucceeds() {
        metrics.retrying("database unreachable");
        metrics.retrying("database unreachable");
        assertThat(metrics.state()).isEqualTo(SinkMetrics.DEGRADED);
        assertThat(metrics.retries()).isEqualTo(2);

        metrics.recovered();
        metrics.stopped();

        assertThat(metrics.state()).isEqualTo(SinkMetrics.STOPPED);
        assertThat(metrics.lastError()).isEqualTo("database unreachable");
    }
}
