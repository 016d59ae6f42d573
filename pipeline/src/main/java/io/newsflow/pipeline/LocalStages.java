package io.newsflow.pipeline;

import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the demo runs each stage on one machine: the settings that differ from a production deployment. */
final class LocalStages {

    private LocalStages() {
    }

    static EnrichmentApp startEnrichment(Map<String, Object> settings, Path stateDir) throws InterruptedException {
        return started(new EnrichmentApp(new EnrichmentConfig(enrichmentSettings(settings, stateDir))));
    }

    /** The enrichment app's settings on one machine, from the pipeline's {@code settings}. */
    static Map<String, Object> enrichmentSettings(Map<String, Object> settings, Path stateDir) {
        Map<String, Object> config = new LinkedHashMap<>(settings);
        config.put("state.dir", stateDir.toString());
        // A single broker cannot hold three replicas of the app's internal topics.
        config.put("replication.factor", "1");
        config.put("commit.interval.ms", "200");
        return config;
    }

    /** Starts {@code app} and waits until it processes, closing it if it does not. */
    static EnrichmentApp started(EnrichmentApp app) throws InterruptedException {
        app.start();
        if (!app.awaitRunning(Duration.ofSeconds(60))) {
            app.close();
            throw new IllegalStateException("the enrichment app did not reach RUNNING: " + app.state());
        }
        return app;
    }

    static Map<String, String> sinkConnectorConfig(Path database, String bootstrapServers, String registryUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", "newsflow-sink");
        config.put("connector.class", "io.newsflow.sink.NewsSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", Topics.ENRICHED);
        config.put("connection.url", database.toString());
        config.put("registry.url", registryUrl);
        // A record the sink can never write goes to the dead-letter topic with the reason in its headers.
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", Topics.DEAD_LETTER);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        // Its ops reports go to the same broker, so that `status` shows the sink beside the other stages.
        config.put("ops.bootstrap.servers", bootstrapServers);
        return config;
    }
}
