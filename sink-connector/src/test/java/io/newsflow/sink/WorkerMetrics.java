package io.newsflow.sink;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.utils.Sanitizer;

/**
 * What the Connect worker of this JVM publishes about one connector's tasks in the platform MBean server: its own
 * metrics, its consumers' and the ones the tasks register through {@code pluginMetrics()}. A JMX exporter reads the
 * same MBeans; the exported form is tested where the worker runs with the agent ({@link PluginIsolationIT}).
 */
final class WorkerMetrics {

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    private final String connector;

    WorkerMetrics(String connector) {
        this.connector = connector;
    }

    /** One of a task's newsflow metrics, NaN while it is not registered; {@code tags} as "key=value" pairs. */
    double plugin(String task, String metric, String... tags) {
        return value("kafka.connect:type=plugins," + task(task) + suffix(tags), SinkMetrics.PREFIX + metric);
    }

    /** The worker's own sink-task metric for a task. */
    double sinkTask(String task, String metric) {
        return value("kafka.connect:type=sink-task-metrics," + task(task), metric);
    }

    /** One of the worker's metrics about the connector, NaN while there is none. */
    double connector(String metric) {
        return value("kafka.connect:type=connect-worker-metrics,connector=" + Sanitizer.jmxSanitize(connector), metric);
    }

    /** A fetch metric of the task's consumer, one value per partition it has fetched. */
    List<Double> perPartition(String task, String metric) {
        List<Double> values = new ArrayList<>();
        try {
            for (ObjectName name : MBEANS.queryNames(new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,"
                    + "client-id=" + Sanitizer.jmxSanitize("connector-consumer-" + connector + "-" + task)
                    + ",topic=*,partition=*"), null)) {
                if (name.getKeyProperty("topic").contains(".")) { // not the legacy copy named with underscores
                    values.add(((Number) MBEANS.getAttribute(name, metric)).doubleValue());
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private String task(String task) {
        return "connector=" + Sanitizer.jmxSanitize(connector) + ",task=" + task;
    }

    private static String suffix(String... tags) {
        return tags.length == 0 ? "" : "," + String.join(",", tags);
    }

    private static double value(String name, String attribute) {
        try {
            ObjectName objectName = new ObjectName(name);
            if (!MBEANS.isRegistered(objectName)) {
                return Double.NaN;
            }
            return ((Number) MBEANS.getAttribute(objectName, attribute)).doubleValue();
        } catch (JMException e) {
            throw new IllegalStateException(name + " " + attribute, e);
        }
    }
}
