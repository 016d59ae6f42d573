package io.newsflow.enrichment;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsflow.extraction.Extractor;
import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the enrichment app: the topology on a {@link KafkaStreams} client, and its ops reports. Run
 * several with the same {@code application.id} to share the partitions of {@code news.raw}.
 */
public final class EnrichmentApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** The {@link #status()} of an instance that runs but cannot read its input for want of the schema registry. */
    public static final String DEGRADED = "DEGRADED";

    private final EnrichmentConfig config;
    private final ArticleEnricher enricher;
    private final KafkaStreams streams;
    private final EnrichmentMetrics metrics;
    private final OpsSnapshot opsSnapshot;
    private final Map<String, Object> opsProducerConfigs;
    private volatile OpsPublisher ops;
    private final String instanceId;

    /** Loads the extraction library; prefer {@link #EnrichmentApp(EnrichmentConfig, Extractor)} to share one. */
    public EnrichmentApp(EnrichmentConfig config) {
        this(config, Extractor.load());
    }

    public EnrichmentApp(EnrichmentConfig config, Extractor extractor) {
        this.config = config;
        this.instanceId = config.instanceId();
        this.metrics = new EnrichmentMetrics();
        this.enricher = ArticleEnricher.create(extractor, config);
        Properties props = config.streamsProperties(metrics);
        this.streams = new KafkaStreams(EnrichmentTopology.build(config, enricher, metrics), props);
        // Records that fail are dead-lettered by the handlers; what reaches here is a failure of the thread
        // itself (the registry unreachable, a fenced producer, a broker gone past the timeouts). A fresh thread
        // resumes from the last committed transaction, which is the retry exactly-once allows.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.opsSnapshot = new OpsSnapshot(instanceId, metrics, this::status, streams::metrics, Clock.systemUTC());
        this.opsProducerConfigs = new StreamsConfig(props).getProducerConfigs("newsflow-enrichment-ops");
    }

    public void start() {
        streams.start();
        ops = OpsPublisher.start(OpsSnapshot.STAGE, instanceId, Topics.OPS, config.opsInterval(), opsSnapshot,
                opsProducerConfigs, config.serdeConfigs());
    }

    /**
     * Exposes the Streams client's own metrics (and its embedded clients'), and the counts the instance reports on
     * {@code news.ops}, through {@code registry}.
     */
    public AutoCloseable bindMetrics(MeterRegistry registry) {
        Map.<String, ToDoubleFunction<EnrichmentMetrics>>of("records.in", EnrichmentMetrics::recordsIn,
                "records.out", EnrichmentMetrics::recordsOut, "records.dead.lettered", EnrichmentMetrics::deadLettered,
                "duplicates.dropped", EnrichmentMetrics::duplicatesDropped).forEach((name, count) ->
                FunctionCounter.builder("newsflow.enrichment." + name, metrics, count).register(registry));
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        return binder;
    }

    /** Epoch seconds of the instance's last report on {@code news.ops} (see OpsPublisher); NaN before start. */
    public double lastOpsReport() {
        OpsPublisher publisher = ops;
        return publisher == null ? Double.NaN : publisher.lastPublishedEpochSeconds();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * What the instance reports on {@code news.ops} and what {@code /health} should tell: the Streams state
     * ({@code RUNNING}, {@code REBALANCING}, {@code PENDING_SHUTDOWN}, {@code ERROR}, ...), or {@value #DEGRADED} while
     * it runs but waits for the schema registry (unreachable, failing, or without the pipeline's schemas, as after a
     * restart without its storage). It is RUNNING again once the registry serves the records' schemas.
     */
    public String status() {
        KafkaStreams.State state = streams.state();
        return state.isRunningOrRebalancing() && metrics.registryDegraded() ? DEGRADED : state.name();
    }

    /** The id this instance reports under on {@code news.ops}. */
    public String instanceId() {
        return instanceId;
    }

    /** Waits until the instance has its partitions and processes them; false if it did not within the timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Commits what was processed, leaves the group so the partitions move at once, and stops. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (ops != null) {
            ops.close();
        }
    }

    /**
     * Runs one instance until the JVM is asked to stop.
     *
     * @param args an optional properties file; {@code NEWSFLOW_*} environment variables override it
     */
    public static void main(String[] args) throws Exception {
        EnrichmentConfig config = EnrichmentConfig.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv());
        EnrichmentApp app = new EnrichmentApp(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "enrichment-shutdown"));
        app.start();
        log.info("enrichment instance {} started", app.instanceId());
        stopped.await();
    }
}
