package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitoring port that another program holds costs a stage its {@code /metrics} and {@code /health}, never its
 * work: it says so once, naming the port and the option that moves it, and runs on.
 */
class MonitoringPortTakenTest {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    @TempDir
    Path work;

    private ServerSocket holder;
    private final List<CliProcess> processes = new ArrayList<>();

    @BeforeEach
    void takeAPort() throws IOException {
        holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", KafkaTestCluster.shared().bootstrapServers());
        settings.put(RegistrySerdes.REGISTRY_URL, TestRegistry.shared().apiUrl());
        SetupCommand.prepare(settings);
    }

    @AfterEach
    void release() throws IOException {
        processes.forEach(CliProcess::close);
        holder.close();
    }

    @Test
    void enrichWarnsOnceAndRuns() throws Exception {
        String instance = "port-taken-" + UUID.randomUUID();
        CliProcess enrich = start(List.of("enrich",
                "--monitoring-port", String.valueOf(holder.getLocalPort()), "--monitoring-host", "127.0.0.1",
                "--set", "application.id=" + instance, "--set", "state.dir=" + work.resolve("state"),
                "--set", "replication.factor=1",
                "--set", EnrichmentConfig.INSTANCE_ID_CONFIG + "=" + instance,
                "--set", EnrichmentConfig.OPS_INTERVAL_MS_CONFIG + "=500"));

        enrich.awaitLine(warningFor("enrich"), STARTUP);
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(enrich.isAlive()).as("still running:\n" + enrich.output()).isTrue();
            assertThat(lastReport("enrichment/" + instance)).as("its report on news.ops")
                    .extracting(OpsEvent::getState).isEqualTo("RUNNING");
        });
        assertThat(enrich.output()).doesNotContain("/metrics and /health on port");
        assertThat(warningsIn(enrich)).isEqualTo(1);
        enrich.stop(Duration.ofSeconds(60));
    }

    @Test
    void ingestWarnsOnceAndRuns() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        CliProcess ingest = start(List.of("ingest", "--watch", inbox.toString(),
                "--monitoring-port", String.valueOf(holder.getLocalPort()), "--monitoring-host", "127.0.0.1",
                "--set", IngestConfig.INSTANCE_ID_CONFIG + "=port-taken-ingest"));

        ingest.awaitLine(warningFor("ingest"), STARTUP);
        ingest.awaitLine(Pattern.compile("ingest: watching"), STARTUP);
        Files.writeString(inbox.resolve("lighthouse.txt"),
                "Lighthouse relit " + UUID.randomUUID() + "\n\nThe lamp turns again after 12 years.\n");
        await().atMost(STARTUP).untilAsserted(() -> assertThat(inbox.resolve("done/lighthouse.txt")).exists());
        assertThat(warningsIn(ingest)).isEqualTo(1);
        ingest.stop(Duration.ofSeconds(60));
    }

    private CliProcess start(List<String> args) {
        List<String> command = new ArrayList<>(args);
        command.addAll(List.of("--set", "bootstrap.servers=" + KafkaTestCluster.shared().bootstrapServers(),
                "--set", RegistrySerdes.REGISTRY_URL + "=" + TestRegistry.shared().apiUrl()));
        CliProcess process = CliProcess.start(command);
        processes.add(process);
        return process;
    }

    private Pattern warningFor(String stage) {
        return Pattern.compile("WARN .*" + stage + " runs without /metrics and /health: cannot listen on 127\\.0\\.0\\.1:"
                + holder.getLocalPort() + " .*set --monitoring-port to a free port");
    }

    private static long warningsIn(CliProcess process) {
        return process.output().lines().filter(line -> line.contains("runs without /metrics and /health")).count();
    }

    private static OpsEvent lastReport(String key) {
        return OpsReports.last(KafkaTestCluster.shared().bootstrapServers(), TestRegistry.shared().apiUrl(), key)
                .orElse(null);
    }
}
