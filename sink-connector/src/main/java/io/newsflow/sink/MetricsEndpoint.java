package io.newsflow.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.utils.Sanitizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP port on which this plugin's tasks in one worker JVM are monitored: {@code /metrics} in the Prometheus
 * text format (each task's counters, write time and state, the JVM's metrics, and the Kafka client metrics of the
 * consumer the worker runs for each task) and {@code /health}: 200 while no task on it has failed, saying
 * {@code DEGRADED} while a task rides out an outage, and 503 once one has failed. A degraded task is alive and
 * needs nothing from whoever watches the endpoint (restarting the worker would not bring the database back); a
 * failed one needs a restart.
 *
 * <p>A worker runs the tasks of many connectors in one JVM, so there is one server per port, opened by the first
 * task that registers on it and closed when the last one is gone. A task that failed stays on {@code /health} (and
 * its state gauge on {@code /metrics}) after the worker stopped it, because the worker keeps it as FAILED until
 * someone restarts or deletes it: it goes when a task with its connector and number registers again, or when the
 * worker's own metrics for it ({@code kafka.connect:type=connector-task-metrics}) are gone, which the worker removes
 * exactly when it drops the task.
 *
 * <p>The plugin cannot reach the consumer object the worker made for a task, only what that consumer registers in
 * the JVM's MBean server; those MBeans come and go with partition assignments, so the Kafka meters are brought up
 * to date with them on every scrape.
 */
final class MetricsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REAP_INTERVAL_MS = 5_000;

    /** Open endpoints by the port asked for; also the lock over every endpoint's tasks and meters. */
    private static final Map<Integer, MetricsEndpoint> OPEN = new HashMap<>();

    private final int requestedPort;
    private final String host;
    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    /** Serves the requests and reaps, one thing at a time, so a reap may close the server it runs on. */
    private final ScheduledExecutorService executor;
    private final HttpServer server;
    /** By instance id, sorted for a stable /health body. */
    private final Map<String, TaskMeters> tasks = new TreeMap<>();
    /** The tag keys each Kafka meter name was first registered with: Prometheus takes one set of labels per name. */
    private final Map<String, List<String>> kafkaTagKeys = new HashMap<>();

    private MetricsEndpoint(String host, int port) {
        this.requestedPort = port;
        this.host = host;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "newsflow-sink-metrics-" + port);
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/metrics", handler(this::metrics));
        server.createContext("/health", handler(this::health));
        server.setExecutor(executor);
        server.start();
        executor.scheduleWithFixedDelay(this::reap, REAP_INTERVAL_MS, REAP_INTERVAL_MS, TimeUnit.MILLISECONDS);
        log.info("Serving /metrics and /health of the newsflow sink tasks on http://{}:{}", host, port());
    }

    /**
     * Puts one task on the endpoint at {@code host:port}, opening it if no task of this JVM has; the task is taken
     * off when the result is closed.
     *
     * @throws UncheckedIOException when the port cannot be opened (taken by another program, or not allowed)
     */
    static Registration register(String host, int port, String connector, String task, SinkMetrics metrics) {
        synchronized (OPEN) {
            MetricsEndpoint endpoint = OPEN.get(port);
            if (endpoint == null) {
                endpoint = new MetricsEndpoint(host, port);
                OPEN.put(port, endpoint);
            } else if (!endpoint.host.equals(host)) {
                log.warn("Task {}-{} asked for the metrics endpoint on {}:{}, which another task opened on {}:{}; "
                        + "it is served there", connector, task, host, port, endpoint.host, endpoint.port());
            }
            return endpoint.add(connector, task, metrics);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A task's place on the endpoint. */
    final class Registration implements AutoCloseable {

        private final TaskMeters meters;

        private Registration(TaskMeters meters) {
            this.meters = meters;
        }

        int port() {
            return MetricsEndpoint.this.port();
        }

        /** Takes the task's meters off; a FAILED task's state stays until the worker drops the task. */
        @Override
        public void close() {
            synchronized (OPEN) {
                remove(meters);
            }
        }
    }

    private Registration add(String connector, String task, SinkMetrics metrics) {
        TaskMeters replaced = tasks.get(connector + "-" + task);
        if (replaced != null) {
            replaced.removeAll();
        }
        TaskMeters meters = new TaskMeters(connector, task, metrics);
        tasks.put(meters.instanceId, meters);
        return new Registration(meters);
    }

    private void remove(TaskMeters meters) {
        if (tasks.get(meters.instanceId) != meters || meters.stopped) {
            return;
        }
        if (SinkMetrics.FAILED.equals(meters.metrics.state())) {
            meters.stop();
        } else {
            meters.removeAll();
            tasks.remove(meters.instanceId);
            closeIfUnused();
        }
    }

    private void reap() {
        synchronized (OPEN) {
            tasks.values().removeIf(meters -> {
                if (meters.stopped && !mbeans.isRegistered(meters.connectTaskMetrics)) {
                    meters.removeAll();
                    return true;
                }
                return false;
            });
            closeIfUnused();
        }
    }

    private void closeIfUnused() {
        if (!tasks.isEmpty()) {
            return;
        }
        OPEN.remove(requestedPort, this);
        server.stop(0);
        executor.shutdown();
        gcMetrics.close();
        registry.close();
        log.info("Closed the metrics endpoint on {}:{}: no newsflow sink task uses it", host, requestedPort);
    }

    private Response metrics() {
        synchronized (OPEN) {
            for (TaskMeters meters : tasks.values()) {
                if (!meters.stopped) {
                    meters.refreshKafkaMeters();
                }
            }
        }
        return new Response(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    private Response health() throws JsonProcessingException {
        Map<String, String> states = new LinkedHashMap<>();
        synchronized (OPEN) {
            tasks.forEach((id, meters) -> states.put(id, meters.metrics.state()));
        }
        String status;
        if (states.isEmpty() || !List.of(SinkMetrics.RUNNING, SinkMetrics.DEGRADED).containsAll(states.values())) {
            status = "DOWN";
        } else if (states.containsValue(SinkMetrics.DEGRADED)) {
            status = SinkMetrics.DEGRADED;
        } else {
            status = "UP";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("tasks", states);
        return new Response(status.equals("DOWN") ? 503 : 200, "application/json", JSON.writeValueAsString(body));
    }

    private record Response(int status, String contentType, String body) {
    }

    private interface Endpoint {
        Response answer() throws IOException;
    }

    private static HttpHandler handler(Endpoint endpoint) {
        return exchange -> {
            try {
                Response response;
                try {
                    response = endpoint.answer();
                } catch (IOException | RuntimeException e) {
                    log.warn("Cannot answer {}: {}", exchange.getRequestURI(), e.getMessage(), e);
                    response = new Response(500, "text/plain; charset=utf-8", String.valueOf(e.getMessage()));
                }
                respond(exchange, response);
            } finally {
                exchange.close();
            }
        };
    }

    private static void respond(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One task's meters, tagged with its connector and task number. */
    private final class TaskMeters {

        private final String instanceId;
        private final SinkMetrics metrics;
        private final Tags tags;
        private final List<Meter> counters = new ArrayList<>();
        private final List<Meter> stateGauges = new ArrayList<>();
        /** Where the worker's consumer for the task, and the worker itself, publish metrics about it. */
        private final Map<ObjectName, String> kafkaSources = new LinkedHashMap<>();
        private final ObjectName connectTaskMetrics;
        /** By MBean and attribute; null for an attribute that is not exported (not a number, or a clashing name). */
        private final Map<String, KafkaMeter> kafkaMeters = new HashMap<>();
        private boolean stopped;

        TaskMeters(String connector, String task, SinkMetrics metrics) {
            this.instanceId = connector + "-" + task;
            this.metrics = metrics;
            this.tags = Tags.of("connector", connector, "task", task);
            String clientId = Sanitizer.jmxSanitize("connector-consumer-" + instanceId);
            String connectTask = "connector=" + Sanitizer.jmxSanitize(connector) + ",task=" + task;
            kafkaSources.put(objectName("kafka.consumer:type=consumer-metrics,client-id=" + clientId),
                    "kafka.consumer.");
            kafkaSources.put(objectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=" + clientId
                    + ",*"), "kafka.consumer.fetch.manager.");
            kafkaSources.put(objectName("kafka.connect:type=sink-task-metrics," + connectTask),
                    "kafka.connect.sink.task.");
            connectTaskMetrics = objectName("kafka.connect:type=connector-task-metrics," + connectTask);

            counters.add(FunctionCounter.builder("newsflow.sink.records.in", metrics, SinkMetrics::recordsIn)
                    .description("Distinct records put() received since the task started").tags(tags)
                    .register(registry));
            counters.add(FunctionCounter.builder("newsflow.sink.records.written", metrics, SinkMetrics::recordsOut)
                    .description("Records durably handled: stored, deleted by a tombstone, or not newer than the "
                            + "stored version").tags(tags).register(registry));
            counters.add(FunctionCounter.builder("newsflow.sink.records.dead.lettered", metrics,
                            SinkMetrics::deadLettered)
                    .description("Records handed to the errant record reporter").tags(tags).register(registry));
            counters.add(FunctionCounter.builder("newsflow.sink.retries", metrics, SinkMetrics::retries)
                    .description("Attempts to write that failed transiently and were retried after a backoff; "
                            + "redeliveries before the next attempt is due are not attempts").tags(tags)
                    .register(registry));
            counters.add(FunctionTimer.builder("newsflow.sink.batch.write", metrics, SinkMetrics::batchesWritten,
                            SinkMetrics::batchWriteNanos, TimeUnit.NANOSECONDS)
                    .description("Batches written, and their time from the start of decoding to the commit")
                    .tags(tags).register(registry));
            // No STOPPED: a task stopped cleanly takes its meters with it.
            for (String state : List.of(SinkMetrics.RUNNING, SinkMetrics.DEGRADED, SinkMetrics.FAILED)) {
                stateGauges.add(Gauge.builder("newsflow.sink.task.state", metrics,
                                m -> state.equals(m.state()) ? 1 : 0)
                        .description("1 for the state the task is in, 0 for the others")
                        .tags(tags).tag("state", state).register(registry));
            }
        }

        /**
         * Registers a meter for every numeric attribute of the task's Kafka MBeans not seen before and removes
         * those of MBeans that are gone (a revoked partition's). Coarser MBeans come first, so a name that exists
         * at several levels (records-lag-max per consumer and per partition) keeps the coarser one's labels.
         */
        void refreshKafkaMeters() {
            Set<String> present = new HashSet<>();
            kafkaSources.forEach((pattern, prefix) -> {
                List<ObjectName> names = new ArrayList<>(mbeans.queryNames(pattern, null));
                names.sort(Comparator.comparingInt((ObjectName name) -> name.getKeyPropertyList().size())
                        .thenComparing(ObjectName::getCanonicalName));
                Set<String> legacyTopics = legacyTopicNames(names);
                for (ObjectName name : names) {
                    if (legacyTopics.contains(name.getKeyProperty("topic"))) {
                        continue;
                    }
                    MBeanAttributeInfo[] attributes;
                    try {
                        attributes = mbeans.getMBeanInfo(name).getAttributes();
                    } catch (JMException e) {
                        continue; // unregistered since the query
                    }
                    for (MBeanAttributeInfo attribute : attributes) {
                        String key = name.getCanonicalName() + "#" + attribute.getName();
                        present.add(key);
                        if (!kafkaMeters.containsKey(key)) {
                            kafkaMeters.put(key, kafkaMeter(prefix, name, attribute));
                        }
                    }
                }
            });
            kafkaMeters.entrySet().removeIf(entry -> {
                if (present.contains(entry.getKey())) {
                    return false;
                }
                if (entry.getValue() != null) {
                    registry.remove(entry.getValue().meter());
                }
                return true;
            });
        }

        /**
         * The consumer registers its per-partition metrics a second time under the topic's name with dots written
         * as underscores (the name older clients used); the same values twice would double every sum. Kafka refuses
         * to create topics whose names differ only there, so no real topic is hidden.
         */
        private static Set<String> legacyTopicNames(List<ObjectName> names) {
            Set<String> topics = new HashSet<>();
            names.forEach(name -> topics.add(name.getKeyProperty("topic")));
            Set<String> legacy = new HashSet<>();
            for (String topic : topics) {
                if (topic != null && topic.contains(".") && topics.contains(topic.replace('.', '_'))) {
                    legacy.add(topic.replace('.', '_'));
                }
            }
            return legacy;
        }

        private KafkaMeter kafkaMeter(String prefix, ObjectName name, MBeanAttributeInfo attribute) {
            JmxAttribute source = new JmxAttribute(mbeans, name, attribute.getName());
            // Kafka declares every attribute a double, but reads some as strings (a task's status, a version).
            if (!(source.value() instanceof Number)) {
                return null;
            }
            String meterName = prefix + attribute.getName().replace('-', '.');
            Tags meterTags = tags;
            for (Map.Entry<String, String> property : new TreeMap<>(name.getKeyPropertyList()).entrySet()) {
                if (!List.of("type", "client-id", "connector", "task").contains(property.getKey())) {
                    meterTags = meterTags.and(property.getKey(), property.getValue());
                }
            }
            List<String> keys = meterTags.stream().map(Tag::getKey).sorted().toList();
            List<String> known = kafkaTagKeys.putIfAbsent(meterName, keys);
            if (known != null && !known.equals(keys)) {
                return null;
            }
            // Kafka's "-total" metrics only grow; Micrometer's Kafka binders export them as counters too.
            Meter meter = attribute.getName().endsWith("-total")
                    ? FunctionCounter.builder(meterName, source, JmxAttribute::read)
                            .description(attribute.getDescription()).tags(meterTags).register(registry)
                    : Gauge.builder(meterName, source, JmxAttribute::read)
                            .description(attribute.getDescription()).tags(meterTags).register(registry);
            return new KafkaMeter(source, meter);
        }

        /** The worker stopped the task after it failed: only its state stays, until the worker drops the task. */
        void stop() {
            stopped = true;
            counters.forEach(registry::remove);
            kafkaMeters.values().stream().filter(meter -> meter != null)
                    .forEach(meter -> registry.remove(meter.meter()));
            kafkaMeters.clear();
        }

        void removeAll() {
            stop();
            stateGauges.forEach(registry::remove);
        }
    }

    /** Holds the source of a Kafka meter: Micrometer keeps only a weak reference to it. */
    private record KafkaMeter(JmxAttribute source, Meter meter) {
    }

    private record JmxAttribute(MBeanServer server, ObjectName name, String attribute) {

        Object value() {
            try {
                return server.getAttribute(name, attribute);
            } catch (JMException e) {
                return null;
            }
        }

        double read() {
            return value() instanceof Number number ? number.doubleValue() : Double.NaN;
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
