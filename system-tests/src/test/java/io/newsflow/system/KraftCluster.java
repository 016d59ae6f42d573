package io.newsflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Kafka as operators run it: three KRaft nodes, each a broker and a voter of the controller quorum, each in a JVM of
 * its own started by {@code kafka.Kafka} from a formatted log directory, so that a scenario can kill one as a crash
 * does (SIGKILL: no controlled shutdown, logs recovered on restart), whether it leads partitions or the quorum.
 */
final class KraftCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final List<ChildJvm> nodes = new ArrayList<>();
    private final List<Integer> brokerPorts = new ArrayList<>();

    /** Formats and starts {@code size} nodes whose data and logs live under {@code dir}. */
    KraftCluster(Path dir, int size, Map<String, String> brokerSettings) throws IOException {
        List<Integer> controllerPorts = new ArrayList<>();
        for (int node = 0; node < size; node++) {
            brokerPorts.add(freePort());
            controllerPorts.add(freePort());
        }
        List<String> voters = new ArrayList<>();
        for (int node = 0; node < size; node++) {
            voters.add(node + "@127.0.0.1:" + controllerPorts.get(node));
        }
        String clusterId = Uuid.randomUuid().toString();
        List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC");
        for (int node = 0; node < size; node++) {
            Path config = dir.resolve("node-" + node + ".properties");
            StringBuilder properties = new StringBuilder(String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + node,
                    "controller.quorum.voters=" + String.join(",", voters),
                    "listeners=PLAINTEXT://127.0.0.1:" + brokerPorts.get(node) + ",CONTROLLER://127.0.0.1:"
                            + controllerPorts.get(node),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPorts.get(node),
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("node-" + node + "-data").toAbsolutePath(),
                    "group.initial.rebalance.delay.ms=0", ""));
            brokerSettings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
            Files.createDirectories(dir);
            Files.writeString(config, properties);
            Path log = dir.resolve("node-" + node + ".log");
            format(new ChildJvm("format-node-" + node, log, jvm, "kafka.tools.StorageTool",
                    "format", "-t", clusterId, "-c", config.toString()));
            nodes.add(new ChildJvm("kafka-node-" + node, log, jvm, "kafka.Kafka", config.toString()));
        }
        nodes.forEach(ChildJvm::start);
        awaitBrokers(size);
    }

    private static void format(ChildJvm storageTool) {
        try {
            if (storageTool.start().waitFor(Duration.ofMinutes(2)) != 0) {
                throw new IllegalStateException("formatting failed; see " + storageTool.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return brokerPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** The node that leads the controller quorum now. */
    int activeController() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        }
    }

    ChildJvm node(int id) {
        return nodes.get(id);
    }

    /** Every node alive and registered as a broker. */
    void awaitBrokers(int count) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (System.nanoTime() < deadline) {
                for (ChildJvm node : nodes) {
                    if (!node.isAlive()) {
                        throw new IllegalStateException("a Kafka node exited; see " + node.log());
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == count) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the quorum is still electing or the brokers registering
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(count + " brokers not registered within " + READY_TIMEOUT + "; see "
                + nodes.get(0).log());
    }

    @Override
    public void close() {
        nodes.forEach(ChildJvm::close);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
