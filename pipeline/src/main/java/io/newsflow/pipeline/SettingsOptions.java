package io.newsflow.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every long-running stage command shares: where its settings come from. */
final class SettingsOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings: the stage's own and any Kafka client or registry setting.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting that wins over the file and the environment (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The merged settings, with the local defaults for a broker and registry that the demo does not provide. */
    Map<String, Object> resolve() {
        Map<String, Object> settings = StageSettings.load(file, System.getenv(), overrides);
        settings.putIfAbsent("bootstrap.servers", "localhost:9092");
        settings.putIfAbsent("apicurio.registry.url", "http://localhost:8080/apis/registry/v3");
        return settings;
    }
}
