package io.newsflow.pipeline;

import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one instance of the enrichment Streams app until the process is asked to stop. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrichment stage (Kafka Streams, exactly once): news.raw -> news.enriched.",
                "Start several with the same application.id to share the work; stop with SIGTERM or Ctrl-C."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @Override
    public Integer call() throws InterruptedException {
        EnrichmentApp app = new EnrichmentApp(new EnrichmentConfig(settings.resolve()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "enrichment-shutdown"));
        app.start();
        stopped.await();
        return 0;
    }
}
