package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Prometheus scraper and a readiness probe see of a running enrichment instance. */
class MonitoringEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesKafkaStreamsMetricsAndHealthThatFollowsTheInstanceState(@TempDir Path state) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", KafkaTestCluster.shared().bootstrapServers());
        settings.put(RegistrySerdes.REGISTRY_URL, TestRegistry.shared().apiUrl());
        settings.put("application.id", "monitoring-test");
        SetupCommand.prepare(settings);

        EnrichmentApp app = LocalStages.startEnrichment(settings, state);
        double started = app.lastOpsReport();
        try (MonitoringEndpoint endpoint = MonitoringEndpoint.open("enrich", "127.0.0.1", 0, "--monitoring-port",
                app::status, app::lastOpsReport);
             AutoCloseable binder = app.bindMetrics(endpoint.registry())) {
            HttpResponse<String> health = get(endpoint, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"state\":\"RUNNING\"");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String metrics = get(endpoint, "/metrics").body();
                assertThat(metrics).contains("jvm_memory_used_bytes");
                assertThat(metrics).contains("kafka_stream_thread_");
                assertThat(metrics).contains("kafka_consumer_");
                // Its first report on news.ops is acknowledged after start: the gauge moves past the start time.
                assertThat(sample(metrics, "newsflow_ops_last_report_timestamp_seconds{stage=\"enrich\"}"))
                        .isGreaterThan(started);
            });
            assertThat(get(endpoint, "/elsewhere").statusCode()).isEqualTo(404);

            app.close();
            HttpResponse<String> afterClose = get(endpoint, "/health");
            assertThat(afterClose.statusCode()).isEqualTo(503);
            assertThat(afterClose.body()).contains("NOT_RUNNING");
        } finally {
            app.close();
        }
    }

    @Test
    void aDegradedStageIsAliveAndSaysSo() throws Exception {
        AtomicReference<String> state = new AtomicReference<>("DEGRADED");
        try (MonitoringEndpoint endpoint = MonitoringEndpoint.open("enrich", "127.0.0.1", 0, "--monitoring-port",
                state::get, () -> 0)) {
            HttpResponse<String> degraded = get(endpoint, "/health");
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(degraded.body()).isEqualTo("{\"status\":\"DEGRADED\",\"state\":\"DEGRADED\"}");

            state.set("PENDING_SHUTDOWN");
            HttpResponse<String> stopping = get(endpoint, "/health");
            assertThat(stopping.statusCode()).isEqualTo(503);
            assertThat(stopping.body()).isEqualTo("{\"status\":\"DOWN\",\"state\":\"PENDING_SHUTDOWN\"}");
        }
    }

    private static double sample(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(Double.NaN);
    }

    private HttpResponse<String> get(MonitoringEndpoint endpoint, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port().orElseThrow() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
