package io.newsflow.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running stage's monitoring port: {@code /metrics} in the Prometheus text format (JVM metrics plus whatever
 * the stage binds, e.g. Kafka's own client metrics) and {@code /health}, which answers 200 while the stage says it
 * is RUNNING (UP) or DEGRADED, and 503 (DOWN) otherwise, for a load balancer or an orchestrator's probe. DEGRADED is
 * a stage riding out an outage of a server it needs (the schema registry): alive, and not helped by a restart.
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
    private final HttpServer server;

    private MonitoringEndpoint(HttpServer server) {
        this.server = server;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
    }

    /**
     * Serves the endpoint on {@code host:port}, or, when it cannot listen there, warns and returns one that collects
     * the metrics without serving them.
     *
     * @param stage the command's name, for the warning
     * @param portOption the option that sets the port, for the warning
     */
    static MonitoringEndpoint open(String stage, String host, int port, String portOption, Supplier<String> state) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            log.warn("{} runs without /metrics and /health: cannot listen on {}:{} ({}); set {} to a free port",
                    stage, host, port, e.getMessage(), portOption);
            return new MonitoringEndpoint(null);
        }
        MonitoringEndpoint endpoint = new MonitoringEndpoint(server);
        endpoint.serve(state);
        return endpoint;
    }

    private void serve(Supplier<String> state) {
        server.createContext("/metrics", exchange -> respond(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext("/health", exchange -> {
            String current = state.get();
            Health health = Health.of(current);
            respond(exchange, health.httpStatus, "application/json",
                    "{\"status\":\"" + health + "\",\"state\":\"" + current + "\"}");
        });
        server.setExecutor(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "monitoring-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The port it serves on; empty when it could not listen. */
    OptionalInt port() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getAddress().getPort());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
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
