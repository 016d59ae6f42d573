package io.newsflow.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apicurio Registry server running as a child process. The server needs Java 21+, so it cannot share the
 * pipeline's JVM. Given a data directory it keeps its schemas there (an H2 file database), so a restart serves
 * the same ids; without one it keeps them in memory, for tests. It can be stopped and started again on the same
 * ports (clients keep their URL across a restart).
 */
public final class RegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
    /** Where the registry module unpacks the server; overridden by NEWSFLOW_REGISTRY_HOME. */
    public static final String HOME_PROPERTY = "newsflow.registry.home";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** What Quarkus logs before it exits when a port it was given is taken. */
    private static final Pattern PORT_TAKEN = Pattern.compile("Port (\\d+) seems to be in use");

    private final Path home;
    private final Path java;
    private final Path workDir;
    private final Path dataDir;
    private final String host;
    private final int httpPort;
    private final int managementPort;
    private final Tls tls;
    private Process process;
    /** Held from start to close: a second registry on the same data is refused at once, whatever the load. */
    private FileChannel dataLock;

    /**
     * Serves the API over HTTPS only, with the key and certificate in a PKCS12 key store. The password reaches the
     * server through its environment, not its command line, which other users of the machine can read.
     */
    public record Tls(Path keyStore, String keyStorePassword) {
        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + "]";
        }
    }

    private RegistryServer(Path home, Path java, Path workDir, Path dataDir, String host, int httpPort,
                           int managementPort, Tls tls) {
        this.tls = tls;
        this.home = home;
        this.java = java;
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.host = host;
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
        return start(workDir, dataDir, "127.0.0.1", 0, 0);
    }

    /**
     * Starts a registry listening on {@code host} and waits until it is ready.
     *
     * @param workDir where its log goes
     * @param dataDir where it keeps its schemas (an H2 file database), or null to keep them in memory
     * @param host the address both ports bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param httpPort the API's port, or 0 for a free one
     * @param managementPort the port of {@code /health/ready} and {@code /metrics}, or 0 for a free one
     */
    public static RegistryServer start(Path workDir, Path dataDir, String host, int httpPort, int managementPort) {
        return start(workDir, dataDir, host, httpPort, managementPort, null);
    }

    /**
     * Starts a registry on free loopback ports serving its API over HTTPS only ({@link #baseUrl()} is then https);
     * readiness stays on the plain management port.
     */
    public static RegistryServer startTls(Path workDir, Path dataDir, Tls tls) {
        return start(workDir, dataDir, "127.0.0.1", 0, 0, tls);
    }

    /**
     * Starts a registry listening on {@code host} and waits until it is ready.
     *
     * @param tls with a key store, the API is served over HTTPS only on {@code httpPort}; null for plain HTTP
     * @see #start(Path, Path, String, int, int)
     */
    public static RegistryServer start(Path workDir, Path dataDir, String host, int httpPort, int managementPort,
                                       Tls tls) {
        Path home = locateHome();
        Path java = JavaRuntimes.findJava(21).orElseThrow(() -> new IllegalStateException(
                "The Apicurio Registry needs a Java 21+ runtime and none was found (looked at "
                        + JavaRuntimes.JAVA_ENV + ", java.home, JAVA_HOME, /usr/lib/jvm and the usual JDK folders). "
                        + "Install a JDK 21 or newer, or point " + JavaRuntimes.JAVA_ENV + " at one."));
        RegistryServer server = new RegistryServer(home, java, workDir, dataDir, host,
                httpPort == 0 ? freePort() : httpPort, managementPort == 0 ? freePort() : managementPort, tls);
        server.lockData();
        try {
            server.startProcess();
        } catch (RuntimeException e) {
            server.unlockData();
            throw e;
        }
        return server;
    }

    /**
     * Locks the data directory for this server's lifetime. H2 refuses a second server too, but only once that one has
     * started far enough to open the database, which on a loaded machine may take longer than the start is given.
     */
    private void lockData() {
        if (dataDir == null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("newsflow-registry.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the registry's data directory " + dataDir + " is in use by another "
                        + "registry; stop that one or give this one another directory");
            }
            dataLock = channel;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the registry's data directory " + dataDir, e);
        }
    }

    private synchronized void unlockData() {
        if (dataLock != null) {
            try {
                dataLock.close();
            } catch (IOException e) {
                log.warn("could not release the lock on {}: {}", dataDir, e.toString());
            }
            dataLock = null;
        }
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
        return (tls == null ? "http://" : "https://") + clientHost() + ":" + httpPort;
    }

    /** The readiness probe's URL. */
    public String healthUrl() {
        return "http://" + clientHost() + ":" + managementPort + "/health/ready";
    }

    /** The server's process id, or -1 while it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Waits until the server's process ends, and returns its exit code; at once if it is not running. */
    public int waitForExit() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        return running == null ? 0 : running.waitFor();
    }

    /** Where a client on this machine reaches a server bound to {@code host}: loopback for a wildcard address. */
    private String clientHost() {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the server as a crash would (SIGKILL: no shutdown of its storage); {@link #restart()} starts it again. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same ports after {@link #stop()} or {@link #kill()}. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
        unlockData();
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of(java.toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    // A class-data archive written on the first start cuts later starts by about a third.
                    "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + home.resolve("../registry-cds.jsa").normalize(),
                    "-Dquarkus.http.host=" + host,
                    "-Dquarkus.http.port=" + (tls == null ? httpPort : 0),
                    "-Dquarkus.management.host=" + host,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.http.access-log.enabled=false",
                    "-Dquarkus.log.level=WARN",
                    "-Dquarkus.otel.enabled=false"));
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                // The registry's storage is SQL on H2 by default, in memory; a file URL is all it takes to keep it.
                // WRITE_DELAY=0 writes each commit through at once: with H2's default a registry killed within a
                // second of registering a schema came back without it, and the records written with its id could
                // not be read. Registrations are rare, so the cost is nil.
                command.add("-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
            }
            ProcessBuilder builder = new ProcessBuilder();
            if (tls != null) {
                command.add("-Dquarkus.http.ssl-port=" + httpPort);
                command.add("-Dquarkus.http.ssl.certificate.key-store-file=" + tls.keyStore().toAbsolutePath());
                command.add("-Dquarkus.http.ssl.certificate.key-store-file-type=PKCS12");
                command.add("-Dquarkus.http.insecure-requests=disabled");
                builder.environment().put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD", tls.keyStorePassword());
            }
            command.add("-jar");
            command.add(home.resolve("quarkus-run.jar").toString());
            Path logFile = workDir.resolve("registry.log");
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = builder.command(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitReady(logFile, logStart);
            log.info("Apicurio Registry ready at {} (log {})", baseUrl(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the registry", e);
        }
    }

    private void awaitReady(Path logFile, long logStart) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(healthUrl())).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                process = null;
                throw new IllegalStateException(whyItExited(exit, logFile, logStart));
            }
            try {
                // the management port can answer before the API's own listener is bound, most visibly over HTTPS on a
                // busy machine: ready means a client can reach both
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 && apiListening()) {
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

    private boolean apiListening() {
        String address = clientHost().replace("[", "").replace("]", "");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, httpPort), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String whyItExited(int exit, Path logFile, long logStart) {
        String output;
        try (var in = Files.newInputStream(logFile)) {
            in.skipNBytes(logStart);
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = "";
        }
        if (output.contains("Database may be already in use")) {
            return "the registry's data directory " + dataDir + " is in use by another registry; stop that one or give "
                    + "this one another directory (see " + logFile + ")";
        }
        Matcher taken = PORT_TAKEN.matcher(output);
        if (taken.find()) {
            return "the registry cannot listen on " + host + ":" + taken.group(1) + ": another program holds the port "
                    + "(see " + logFile + ")";
        }
        return "the registry exited with code " + exit + "; see " + logFile;
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
