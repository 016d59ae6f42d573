package io.newsflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in a JVM of its own on the test's classpath, so that a scenario can kill it the way a crash does
 * (SIGKILL: no shutdown hook, no close, no last commit) and start it again with the same arguments.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    ChildJvm(String name, Path log, List<String> jvmOptions, String mainClass, String... args) {
        this.name = name;
        this.log = log;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
    }

    synchronized ChildJvm start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process as a crash or an out-of-memory killer would, and waits until it is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die");
            }
        }
    }

    /** Waits until the process ends on its own, and returns its exit status; kills it when it takes longer. */
    synchronized int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException(name + " did not end within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public String toString() {
        return name;
    }

    Path log() {
        return log;
    }

    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
