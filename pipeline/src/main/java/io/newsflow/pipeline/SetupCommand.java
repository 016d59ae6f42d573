package io.newsflow.pipeline;

import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prepares a cluster for the pipeline: topics, schemas, and the registry's compatibility rule. Idempotent. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Create the pipeline's topics and register its schemas (BACKWARD compatibility enforced).")
final class SetupCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @Override
    public Integer call() {
        Map<String, Object> config = settings.resolve();
        prepare(config);
        System.out.println("topics ready: " + Topics.all().stream().map(Topics.TopicSpec::name).toList());
        System.out.println("schemas registered at " + config.get(RegistrySerdes.REGISTRY_URL));
        return 0;
    }

    static void prepare(Map<String, Object> config) {
        Map<String, Object> adminConfig = new HashMap<>();
        config.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        try (Admin admin = Admin.create(adminConfig)) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration registration = SchemaRegistration.forClientConfig(config);
        registration.enforceBackwardCompatibility();
        registration.registerAll();
    }
}
