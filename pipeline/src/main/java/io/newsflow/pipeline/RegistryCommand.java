package io.newsflow.pipeline;

import io.newsflow.registry.RegistryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Apicurio registry the demo embeds, as a server of its own for stages run outside Docker. It keeps its schemas
 * in a data directory, so a restart serves the same ids and the records already written stay readable.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Run the Apicurio schema registry (a child process on Java 21+) with its schemas kept on disk.",
                "Runs until SIGTERM or Ctrl-C."})
final class RegistryCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/registry",
            description = "Where the schemas (an H2 database) and the registry's log are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The API's port (default: ${DEFAULT-VALUE}, where the stages look by default).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address both ports listen on (default ${DEFAULT-VALUE}: this machine only; the registry "
                    + "asks no credentials).")
    String bind;

    @Option(names = "--management-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of /health/ready and /metrics (default: a free one, printed at start).")
    int managementPort;

    @Option(names = "--key-store", paramLabel = "FILE",
            description = {"A PKCS12 key store with the server's key and certificate: the API is then served over "
                    + "HTTPS only, on --port.", "Its password comes from --key-store-password-file."})
    Path keyStore;

    @Option(names = "--key-store-password-file", paramLabel = "FILE",
            description = "A file whose first line is the key store's password (kept off the command line, which "
                    + "other users of the machine can read).")
    Path keyStorePasswordFile;

    @Override
    public Integer call() throws InterruptedException {
        Path data = dataDir.toAbsolutePath().normalize();
        RegistryServer.Tls tls;
        try {
            tls = tls();
        } catch (IllegalArgumentException e) {
            System.err.println("registry: " + e.getMessage());
            return 2;
        }
        RegistryServer registry;
        try {
            registry = RegistryServer.start(data, data, bind, port, managementPort, tls);
        } catch (IllegalStateException e) {
            // A taken port, a data directory in use, no Java 21+: the message says which and what to do.
            System.err.println("registry: " + e.getMessage());
            return 1;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            registry.stop();
        }, "registry-shutdown"));
        System.out.println("registry: API " + registry.apiUrl());
        System.out.println("registry: Confluent-compatible API " + registry.ccompatUrl());
        System.out.println("registry: readiness " + registry.healthUrl());
        System.out.println("registry: schemas in " + data + " (log: registry.log there)");
        int exit = registry.waitForExit();
        if (stopping.get()) {
            return 0;
        }
        System.err.println("registry: the server exited on its own with code " + exit + "; see "
                + data.resolve("registry.log"));
        return 1;
    }

    private RegistryServer.Tls tls() {
        if (keyStore == null && keyStorePasswordFile == null) {
            return null;
        }
        if (keyStore == null || keyStorePasswordFile == null) {
            throw new IllegalArgumentException("--key-store and --key-store-password-file go together");
        }
        if (!Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("cannot read the key store " + keyStore);
        }
        try {
            String password = Files.readAllLines(keyStorePasswordFile).stream().findFirst().orElse("");
            return new RegistryServer.Tls(keyStore, password);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the key store's password file " + keyStorePasswordFile
                    + ": " + e.getMessage());
        }
    }
}
