package io.newsflow.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apicurio Registry server running as a child process. The server needs Java 21+, so it cannot share the
 * pipeline's JVM; it keeps its schemas in memory unless given a data directory, and it can be stopped and started
 * again on the same ports (clients keep their URL across a restart).
 */
public final class RegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
    /** Where the registry module unpacks the server; overridden by NEWSFLOW_REGISTRY_HOME. */
    public static final String HOME_PROPERTY = "newsflow.registry.home";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final Path java;
    private final Path workDir;
    private final Path dataDir;
    private final int httpPort;
    private final int managementPort;
    private Process process;

    private RegistryServer(Path home, Path java, Path workDir, Path dataDir, int httpPort, int managementPort) {
        this.home = home;
        this.java = java;
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /**
     * Starts a registry on free loopback ports and waits until it is ready.
     *
     * @param workDir where its log goes
     * @param dataDir where it keeps its schemas (an H2 file database), or null to keep them in memory
     */
    public static RegistryServer start(Path workDir, Path dataDir) {
        Path home = locateHome();
        Path java = JavaRuntimes.findJava(21).orElseThrow(() -> new IllegalStateException(
                "The Apicurio Registry needs a Java 21+ runtime and none was found (looked at "
                        + JavaRuntimes.JAVA_ENV + ", java.home, JAVA_HOME, /usr/lib/jvm and the usual JDK folders). "
                        + "Install a JDK 21 or newer, or point " + JavaRuntimes.JAVA_ENV + " at one."));
        RegistryServer server = new RegistryServer(home, java, workDir, dataDir, freePort(), freePort());
        server.startProcess();
        return server;
    }

    public static Path locateHome() {
        String configured = System.getProperty(HOME_PROPERTY, System.getenv("NEWSFLOW_REGISTRY_HOME"));
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("registry/target/apicurio-registry"));
        candidates.add(Path.of("../registry/target/apicurio-registry"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("quarkus-run.jar"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The Apicurio Registry distribution is not unpacked (looked for quarkus-run.jar in "
                + candidates + "). Build the registry module first: ./mvnw -pl registry package");
    }

    /** The registry's v3 REST API, as the Apicurio serdes want it. */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** The Confluent-compatible API, for Confluent clients. */
    public String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same ports after {@link #stop()}. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of(java.toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    // A class-data archive written on the first start cuts later starts by about a third.
                    "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + home.resolve("../registry-cds.jsa").normalize(),
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + httpPort,
                    "-Dquarkus.management.host=127.0.0.1",
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.http.access-log.enabled=false",
                    "-Dquarkus.log.level=WARN",
                    "-Dquarkus.otel.enabled=false"));
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                command.add("-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry")
                        + ";DB_CLOSE_ON_EXIT=FALSE");
            }
            command.add("-jar");
            command.add(home.resolve("quarkus-run.jar").toString());
            Path logFile = workDir.resolve("registry.log");
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitReady(logFile);
            log.info("Apicurio Registry ready at {} (log {})", baseUrl(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the registry", e);
        }
    }

    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the registry exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
        }
        stop();
        throw new IllegalStateException("the registry was not ready within " + READY_TIMEOUT + "; see " + logFile);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
