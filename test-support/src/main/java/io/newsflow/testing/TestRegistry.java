package io.newsflow.testing;

import io.newsflow.registry.RegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The Apicurio registry of a module's test run, started on first use as a child process and stopped when the test run
 * ends.
 */
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
            EndOfRun.close(TestRegistry::closeShared);
        }
        return shared;
    }

    private static synchronized void closeShared() {
        shared.close();
        shared = null;
    }
}
