package io.newsflow.pipeline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM child process on this process's own classpath, logging to a file. The demo runs the broker and the Connect
 * worker this way so that each is the real server, started the way an operator would start it, and can be stopped
 * without taking the CLI down with it.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildProcess startJava(String name, Path logDir, List<String> jvmOptions, String mainClass, List<String> args) {
        Path javaBin = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + writeLogConfig(logDir, name));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Path logFile = logDir.resolve(name + ".out");
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs a child to completion, failing with its log when it does not succeed. */
    static void run(String name, Path logDir, List<String> jvmOptions, String mainClass, List<String> args) {
        try (ChildProcess child = startJava(name, logDir, jvmOptions, mainClass, args)) {
            if (!child.process.waitFor(120, TimeUnit.SECONDS) || child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed; see " + child.logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    String name() {
        return name;
    }

    /** Asks the process to stop (SIGTERM: the servers' shutdown hooks close cleanly), and kills it if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path writeLogConfig(Path logDir, String name) {
        Path config = logDir.resolve(name + "-log4j2.xml");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <File name="File" fileName="%s">
                      <PatternLayout pattern="%%d{ISO8601} %%-5level [%%t] %%c{1} - %%msg%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Root level="INFO"><AppenderRef ref="File"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(logDir.resolve(name + ".log").toAbsolutePath());
        try {
            Files.createDirectories(logDir);
            Files.writeString(config, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
