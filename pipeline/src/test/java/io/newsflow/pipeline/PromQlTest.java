package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheSelectedMetricsNotFunctionsLabelsOrDurations() {
        assertThat(PromQl.metricNames("sum by (connector, task) (rate(newsflow_sink_retries_total{state=\"x\"}[5m]))"
                + " / sum without (instance) (rate(newsflow_sink_batches_written_total[5m] offset 1h)) > 0"))
                .containsExactlyInAnyOrder("newsflow_sink_retries_total", "newsflow_sink_batches_written_total");
        assertThat(PromQl.metricNames("time() - newsflow_ops_last_report_timestamp_seconds > 120"))
                .containsExactly("newsflow_ops_last_report_timestamp_seconds");
        assertThat(PromQl.metricNames("max by (instance) (lag) > 1000 and deriv(max by (instance) (lag)[15m:1m]) > 0"
                + " or up{job=~\"a|b\"} == 0"))
                .containsExactlyInAnyOrder("lag", "up");
    }
}
