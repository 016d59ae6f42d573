package io.newsflow.testing;

import io.newsflow.registry.RegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The JVM-wide Apicurio registry for tests, started on first use as a child process and stopped at JVM exit. */
public final class TestRegistry {

    private static RegistryServer shared;

    private TestRegistry() {
    }

    public static synchronized RegistryServer shared() {
        if (shared == null) {
            try {
                shared = RegistryServer.start(Files.createTempDirectory("newsflow-registry"), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "registry-shutdown"));
        }
        return shared;
    }
}
