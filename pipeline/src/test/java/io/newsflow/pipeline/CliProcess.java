package io.newsflow.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code news-pipeline} command as its own process, the way a user or the compose stack runs it, on the tests'
 * classpath. Both its output streams are read as they come, so a chatty process never blocks on a full pipe.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Thread> readers;

    private CliProcess(Process process) {
        this.process = process;
        readers = List.of(drain(process.getInputStream(), "stdout"), drain(process.getErrorStream(), "stderr"));
    }

    static CliProcess start(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", classpath, NewsPipeline.class.getName()));
        command.addAll(args);
        try {
            return new CliProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a line on standard output or error matches, and returns the match. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            // Once it has ended, whatever it printed is read to the end before the last look.
            boolean ended = !process.isAlive();
            if (ended) {
                for (Thread reader : readers) {
                    reader.join(5_000);
                }
            }
            List<String> now = List.copyOf(lines);
            for (; seen < now.size(); seen++) {
                Matcher matcher = pattern.matcher(now.get(seen));
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (ended) {
                throw new AssertionError("the process exited with " + process.exitValue() + " before printing "
                        + pattern + ":\n" + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matched " + pattern + " within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end by itself, and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as Ctrl-C or an orchestrator does, and returns the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return String.join("\n", lines);
    }

    /** Kills it and whatever it started, and waits until they are gone, so their files can be deleted. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a process that outlives this wait changes no test result
            }
        }
    }

    private Thread drain(InputStream stream, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // the process ended
            }
        }, "cli-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
