package io.newsflow.pipeline;

import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs one instance of the enrichment Streams app until the process is asked to stop. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrichment stage (Kafka Streams, exactly once): news.raw -> news.enriched.",
                "Start several with the same application.id to share the work; stop with SIGTERM or Ctrl-C."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @Option(names = "--monitoring-port", paramLabel = "PORT", defaultValue = "9464",
            description = "Port of /metrics (Prometheus) and /health (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int monitoringPort;

    @Option(names = "--monitoring-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Address the monitoring port binds (default: ${DEFAULT-VALUE}).")
    String monitoringHost;

    @Override
    public Integer call() throws InterruptedException {
        EnrichmentApp app = new EnrichmentApp(new EnrichmentConfig(settings.resolve()));
        MonitoringEndpoint monitoring = MonitoringEndpoint.open("enrich", monitoringHost, monitoringPort,
                "--monitoring-port", app::status, app::lastOpsReport);
        AutoCloseable kafkaMetrics = app.bindMetrics(monitoring.registry());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            closeQuietly(kafkaMetrics);
            monitoring.close();
            stopped.countDown();
        }, "enrichment-shutdown"));
        app.start();
        monitoring.port().ifPresent(port -> System.err.println("enrich: /metrics and /health on port " + port));
        stopped.await();
        return 0;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the process is stopping; a metrics binder that cannot unbind changes nothing
        }
    }
}
