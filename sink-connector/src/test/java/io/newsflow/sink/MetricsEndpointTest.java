package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's sharing and health rules over real HTTP, with tasks' metrics fed by hand. What it exports from a
 * real worker (the Kafka client metrics, a failed task) is {@link AbstractConnectSinkTest}'s.
 */
class MetricsEndpointTest {

    private static final String HOST = "127.0.0.1";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void tasksOfTwoConnectorsShareOnePortThatClosesWithTheLastOfThem() throws Exception {
        int port = freePort();
        SinkMetrics first = new SinkMetrics();
        SinkMetrics second = new SinkMetrics();
        MetricsEndpoint.Registration a = MetricsEndpoint.register(HOST, port, "sink-a", "0", first);
        MetricsEndpoint.Registration b = MetricsEndpoint.register(HOST, port, "sink-b", "3", second);
        assertThat(b.port()).isEqualTo(a.port()).isEqualTo(port);

        first.received(5);
        first.written(4, 2_000_000L);
        first.deadLettered("not an EnrichedArticle");
        String scrape = get(port, "/metrics").body();
        assertThat(scrape)
                .contains("newsflow_sink_records_in_total{connector=\"sink-a\",task=\"0\"} 5.0")
                .contains("newsflow_sink_records_written_total{connector=\"sink-a\",task=\"0\"} 4.0")
                .contains("newsflow_sink_records_dead_lettered_total{connector=\"sink-a\",task=\"0\"} 1.0")
                .contains("newsflow_sink_batch_write_seconds_count{connector=\"sink-a\",task=\"0\"} 1")
                .contains("newsflow_sink_batch_write_seconds_sum{connector=\"sink-a\",task=\"0\"} 0.002")
                .contains("newsflow_sink_task_state{connector=\"sink-b\",state=\"RUNNING\",task=\"3\"} 1.0")
                .contains("newsflow_sink_task_state{connector=\"sink-b\",state=\"FAILED\",task=\"3\"} 0.0")
                .contains("jvm_memory_used_bytes");
        assertThat(get(port, "/health")).satisfies(health -> {
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo(
                    "{\"status\":\"UP\",\"tasks\":{\"sink-a-0\":\"RUNNING\",\"sink-b-3\":\"RUNNING\"}}");
        });

        // Riding out an outage is alive: nothing for a health check to restart.
        second.retrying("database unreachable");
        assertThat(get(port, "/health")).satisfies(health -> {
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo(
                    "{\"status\":\"DEGRADED\",\"tasks\":{\"sink-a-0\":\"RUNNING\",\"sink-b-3\":\"DEGRADED\"}}");
        });
        assertThat(get(port, "/metrics").body())
                .contains("newsflow_sink_task_state{connector=\"sink-b\",state=\"DEGRADED\",task=\"3\"} 1.0")
                .contains("newsflow_sink_task_state{connector=\"sink-b\",state=\"RUNNING\",task=\"3\"} 0.0")
                .contains("newsflow_sink_retries_total{connector=\"sink-b\",task=\"3\"} 1.0");

        first.stopped();
        a.close();
        assertThat(get(port, "/metrics").body()).doesNotContain("sink-a").contains("sink-b");
        second.recovered();
        assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"UP\",\"tasks\":{\"sink-b-3\":\"RUNNING\"}}");

        second.stopped();
        b.close();
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aFailedTaskTakesHealthDownBesideADegradedOne() throws Exception {
        int port = freePort();
        SinkMetrics failing = new SinkMetrics();
        SinkMetrics degraded = new SinkMetrics();
        MetricsEndpoint.Registration a = MetricsEndpoint.register(HOST, port, "sink", "0", failing);
        MetricsEndpoint.Registration b = MetricsEndpoint.register(HOST, port, "sink", "1", degraded);
        degraded.retrying("database unreachable");
        failing.failed("the articles table is gone");

        assertThat(get(port, "/health")).satisfies(health -> {
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo(
                    "{\"status\":\"DOWN\",\"tasks\":{\"sink-0\":\"FAILED\",\"sink-1\":\"DEGRADED\"}}");
        });
        failing.stopped();
        a.close();
        degraded.stopped();
        b.close();
    }

    @Test
    void aPortTakenByAnotherProgramIsRefusedWithItsNumber() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            assertThatThrownBy(() -> MetricsEndpoint.register(HOST, other.getLocalPort(), "sink", "0",
                    new SinkMetrics()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(HOST + ":" + other.getLocalPort());
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
