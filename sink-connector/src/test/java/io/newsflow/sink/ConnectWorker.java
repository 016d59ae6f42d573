package io.newsflow.sink;

import io.newsflow.testing.EndOfRun;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * One Connect worker with its own broker for the module's test run, configured as the pipeline deploys the sink: keys
 * as strings, values as the registry's Avro bytes, and only committed transactional writes visible.
 */
final class ConnectWorker {

    private static EmbeddedConnectCluster shared;

    private ConnectWorker() {
    }

    static synchronized EmbeddedConnectCluster shared() {
        if (shared == null) {
            Map<String, String> workerProps = new HashMap<>(Map.of(
                    "key.converter", StringConverter.class.getName(),
                    "value.converter", ByteArrayConverter.class.getName(),
                    "consumer.isolation.level", "read_committed",
                    "offset.flush.interval.ms", "1000"));
            Properties brokerProps = new Properties();
            brokerProps.put("transaction.state.log.replication.factor", "1");
            brokerProps.put("transaction.state.log.min.isr", "1");
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name("newsflow-sink-test")
                    .numWorkers(1)
                    .numBrokers(1)
                    .workerProps(workerProps)
                    .brokerProps(brokerProps)
                    .build();
            connect.start();
            shared = connect;
            EndOfRun.close(ConnectWorker::stopShared);
        }
        return shared;
    }

    private static synchronized void stopShared() {
        shared.stop();
        shared = null;
    }
}
