package io.newsflow.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code news-pipeline} command as its own process, the way a user or the compose stack runs it, on the tests'
 * classpath. What it prints on standard output and error goes to one file, read back whole: read through pipes, the
 * lines a stage printed in its shutdown hook went missing here.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private CliProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static CliProcess start(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", classpath, NewsPipeline.class.getName()));
        command.addAll(args);
        try {
            Path output = Files.createTempFile("news-pipeline-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new CliProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a line on standard output or error matches, and returns the match. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ended = !process.isAlive();
            String printed = output();
            // A line still being written is looked at once it is whole.
            String whole = ended ? printed : printed.substring(0, printed.lastIndexOf('\n') + 1);
            for (String line : whole.lines().toList()) {
                Matcher matcher = pattern.matcher(line);
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

    /** The command lines of this process and every process it started, as any user of the machine can read them. */
    List<String> commandLines() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> handle.info().commandLine().orElse(""))
                .toList();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills it and whatever it started, waits until they are gone (so their files can be deleted), drops its output. */
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
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // a temporary file left behind changes no test result
        }
    }
}
