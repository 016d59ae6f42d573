package io.newsflow.testing;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import kafka.server.BrokerServer;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft cluster inside the test JVM. One shared single-broker cluster serves every test class of a module
 * ({@link #shared()}); a test that stops its broker starts a cluster of its own with {@link #start(int)}. The
 * multi-broker fault suite ({@code system-tests}) runs on the Connect test kit's cluster instead, as its Connect
 * workers need that cluster.
 */
public final class KafkaTestCluster implements AutoCloseable {

    private static KafkaTestCluster shared;

    private final KafkaClusterTestKit kit;

    private KafkaTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /** The single-broker cluster of a module's test run, started on first use and stopped at its end. */
    public static synchronized KafkaTestCluster shared() {
        if (shared == null) {
            shared = start(1);
            EndOfRun.close(KafkaTestCluster::closeShared);
        }
        return shared;
    }

    private static synchronized void closeShared() {
        shared.close();
        shared = null;
    }

    public static KafkaTestCluster start(int brokers) {
        return start(brokers, Map.of());
    }

    /**
     * A cluster whose brokers also take {@code brokerProps}, e.g. another listener beside the kit's plaintext one
     * (which the kit's own clients and the brokers among themselves keep using); {@link #bootstrapServers(String)}
     * names its addresses.
     */
    public static KafkaTestCluster start(int brokers, Map<String, String> brokerProps) {
        // The kit defaults to a testing metadata version; pin the production one with the features the pipeline
        // relies on (transactions v2 for exactly_once_v2, the new group protocol).
        BootstrapMetadata metadata = BootstrapMetadata.fromVersions(MetadataVersion.latestProduction(), Map.of(
                "transaction.version", (short) 2, "group.version", (short) 1, "streams.version", (short) 1,
                "share.version", (short) 1, "eligible.leader.replicas.version", (short) 1), "newsflow");
        try {
            TestKitNodes nodes = new TestKitNodes.Builder(metadata)
                    .setCombined(brokers == 1)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .build();
            String replication = String.valueOf(Math.min(3, brokers));
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            brokerProps.forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder
                    .setConfigProp("offsets.topic.replication.factor", replication)
                    .setConfigProp("transaction.state.log.replication.factor", replication)
                    .setConfigProp("transaction.state.log.min.isr", brokers >= 3 ? "2" : "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka cluster", e);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** The brokers' addresses on the listener named {@code listener} (see {@link #start(int, Map)}). */
    public String bootstrapServers(String listener) {
        return kit.brokers().values().stream()
                .map(broker -> "localhost:" + broker.boundPort(new ListenerName(listener)))
                .collect(Collectors.joining(","));
    }

    /** Stops one broker the way a maintenance restart does (a controlled shutdown). */
    public void stopBroker(int brokerId) {
        BrokerServer broker = kit.brokers().get(brokerId);
        broker.shutdown();
        broker.awaitShutdown();
    }

    public void startBroker(int brokerId) {
        kit.brokers().get(brokerId).startup();
    }

    @Override
    public void close() {
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the in-process Kafka cluster", e);
        }
    }
}
