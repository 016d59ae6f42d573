package io.newsflow.pipeline;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running stage's monitoring port, served by the Prometheus client's HTTP server: {@code /metrics} in the
 * Prometheus text format (JVM metrics, the time of the stage's last report on {@code news.ops}, and whatever the
 * stage binds, e.g. Kafka's own client metrics) and {@code /health}, which answers 200 while the stage says it is
 * RUNNING (UP) or DEGRADED, and 503 (DOWN) otherwise, for a load balancer or an orchestrator's probe. DEGRADED is a
 * stage riding out an outage of a server it needs (the schema registry): alive, and not helped by a restart.
 *
 * <p>The endpoint is outside the data path: when another program holds its port the stage runs on without it, after
 * one warning that names the port and the option that moves it. The scraper sees the target down; the stage's
 * reports on {@code news.ops} still show its state.
 */
final class MonitoringEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitoringEndpoint.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    /** Null when the port could not be had. */
    private HTTPServer server;

    private MonitoringEndpoint(String stage, DoubleSupplier lastOpsReport) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        // A stage silent on news.ops is alerted on from here: the reports themselves are not in Prometheus.
        Gauge.builder("newsflow.ops.last.report.timestamp", lastOpsReport::getAsDouble).baseUnit("seconds")
                .description("When the broker last acknowledged the stage's report on news.ops, or when reporting "
                        + "started").tag("stage", stage).register(registry);
    }

    /**
     * Serves the endpoint on {@code host:port}, or, when it cannot listen there, warns and returns one that collects
     * the metrics without serving them.
     *
     * @param stage the command's name, for the warning and the stage label
     * @param portOption the option that sets the port, for the warning
     * @param lastOpsReport epoch seconds of the stage's last published ops report
     */
    static MonitoringEndpoint open(String stage, String host, int port, String portOption, Supplier<String> state,
                                   DoubleSupplier lastOpsReport) {
        MonitoringEndpoint endpoint = new MonitoringEndpoint(stage, lastOpsReport);
        try {
            // The client's server answers /metrics; every other path reaches the default handler.
            endpoint.server = HTTPServer.builder().hostname(host).port(port)
                    .registry(endpoint.registry.getPrometheusRegistry()).registerHealthHandler(false)
                    .defaultHandler(exchange -> health(exchange, state.get())).buildAndStart();
        } catch (IOException e) {
            log.warn("{} runs without /metrics and /health: cannot listen on {}:{} ({}); set {} to a free port",
                    stage, host, port, e.getMessage(), portOption);
        }
        return endpoint;
    }

    private static void health(HttpExchange exchange, String state) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/health")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Health health = Health.of(state);
            byte[] body = ("{\"status\":\"" + health + "\",\"state\":\"" + state + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(health.httpStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The port it serves on; empty when it could not listen. */
    OptionalInt port() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getPort());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        gcMetrics.close();
        registry.close();
    }

    enum Health {
        UP(200), DEGRADED(200), DOWN(503);

        final int httpStatus;

        Health(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        static Health of(String state) {
            return switch (state) {
                case "RUNNING" -> UP;
                case "DEGRADED" -> DEGRADED;
                default -> DOWN;
            };
        }
    }
}
