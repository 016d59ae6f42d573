package io.newsflow.pipeline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A standalone Kafka Connect worker in a child JVM running one connector, as {@code connect-standalone.sh} would.
 * Its offsets live in a file in the work directory, so a restarted demo resumes where the last one stopped. It runs
 * the Prometheus JMX exporter agent with the rules of docker-compose.yml's worker: {@link #metricsUrl()} serves the
 * worker's metrics, the sink tasks' among them.
 */
public final class LocalConnectWorker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final ChildProcess process;
    private final int restPort;
    private final int metricsPort;
    private final String connectorName;

    private LocalConnectWorker(ChildProcess process, int restPort, int metricsPort, String connectorName) {
        this.process = process;
        this.restPort = restPort;
        this.metricsPort = metricsPort;
        this.connectorName = connectorName;
    }

    public static LocalConnectWorker start(String bootstrapServers, Path workDir, Path logDir,
                                           Map<String, String> connectorConfig) {
        int restPort = LocalKafkaBroker.freePort();
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", bootstrapServers);
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        // Values stay bytes: the sink task decodes them with the registry's Avro deserializer itself.
        worker.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toAbsolutePath().toString());
        // Commits what the sink wrote every second. It does not pace the sink's retries: the task keeps its own
        // backoff and turns away the worker's earlier redeliveries.
        worker.put("offset.flush.interval.ms", "1000");
        // A worker killed and started again waits for its old tasks' consumers to leave the sink's group: 10 s
        // without a heartbeat instead of the consumer default's 45 s (three heartbeats per session).
        worker.put("consumer.session.timeout.ms", "10000");
        worker.put("consumer.heartbeat.interval.ms", "3000");
        worker.put("listeners", "http://127.0.0.1:" + restPort);
        worker.put("plugin.discovery", "service_load");
        // The enrichment stage writes transactionally: never store what it aborted.
        worker.put("consumer.isolation.level", "read_committed");
        Path workerFile = workDir.resolve("connect-worker.properties");
        Path connectorFile = workDir.resolve("connector.properties");
        Path agent = workDir.resolve("jmx_prometheus_javaagent.jar");
        Path agentConfig = workDir.resolve("connect-jmx-exporter.yaml");
        try {
            Files.createDirectories(workDir);
            Files.writeString(workerFile, toProperties(worker));
            Files.writeString(connectorFile, toProperties(connectorConfig));
            // Copied out of the class path, where they may sit inside a jar.
            copyResource("/jmx-exporter/jmx_prometheus_javaagent.jar", agent);
            copyResource("/jmx-exporter/connect-jmx-exporter.yaml", agentConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int metricsPort = LocalKafkaBroker.freePort();
        ChildProcess child = ChildProcess.startJava("connect-worker", logDir, List.of("-Xmx512m", "-XX:+UseSerialGC",
                        "-javaagent:" + agent + "=127.0.0.1:" + metricsPort + ":" + agentConfig),
                "org.apache.kafka.connect.cli.ConnectStandalone", List.of(workerFile.toString(), connectorFile.toString()));
        LocalConnectWorker local = new LocalConnectWorker(child, restPort, metricsPort, connectorConfig.get("name"));
        local.awaitRunning();
        return local;
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = LocalConnectWorker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path; build the pipeline module");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The child JVM's process id, for the bench's CPU and memory readings. */
    public long pid() {
        return process.pid();
    }

    /** The worker's metrics in the Prometheus text format, as the JMX exporter agent serves them. */
    public URI metricsUrl() {
        return URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
    }

    /** The connector's status on the worker's REST API: its health. */
    public URI statusUrl() {
        return URI.create("http://127.0.0.1:" + restPort + "/connectors/" + connectorName + "/status");
    }

    /** Waits until the connector and its tasks report RUNNING on the worker's REST API. */
    private void awaitRunning() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(statusUrl()).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Connect worker exited; see " + process.logFile());
            }
            try {
                HttpResponse<String> response = http.send(status, HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (response.statusCode() == 200 && last.contains("\"tasks\":[{") && !last.contains("FAILED")
                        && !last.contains("UNASSIGNED")) {
                    return;
                }
                if (last.contains("FAILED")) {
                    break;
                }
                Thread.sleep(300);
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the sink connector did not start: " + last + "; see " + process.logFile());
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private static String toProperties(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
