package io.newsflow.enrichment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time and run-queue wait of every thread of this JVM, the VM's own (GC, JIT compiler, JFR) included, which
 * JFR's execution samples and {@code ThreadMXBean} do not show, from Linux's {@code /proc/self/task}. On a
 * two-core machine the broker, the clients' network threads and the collector share the cores with the stream
 * thread; this says how much each took, and how long the stream thread waited for a core.
 */
final class ThreadCpu {

    /** Per thread id: CPU nanoseconds, run-queue wait nanoseconds, voluntary context switches (sleeps). */
    private final Map<String, long[]> times;
    private final Map<String, String> names;

    private ThreadCpu(Map<String, long[]> times, Map<String, String> names) {
        this.times = times;
        this.names = names;
    }

    /** Null where {@code /proc} is not there (not Linux). */
    static ThreadCpu snapshot() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        Map<String, long[]> times = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    // schedstat: nanoseconds on CPU, nanoseconds runnable but waiting for a CPU, time slices
                    String[] stat = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    String tid = task.getFileName().toString();
                    long sleeps = Files.readAllLines(task.resolve("status")).stream()
                            .filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                            .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                            .findFirst().orElse(0);
                    times.put(tid, new long[]{Long.parseLong(stat[0]), Long.parseLong(stat[1]), sleeps});
                    names.put(tid, Files.readString(task.resolve("comm")).trim());
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return null;
        }
        return new ThreadCpu(times, names);
    }

    /**
     * Prints, for the threads' activity since {@code before}, grouped by name with numbers folded ({@code GC
     * Thread#0} and {@code GC Thread#1} are one group), the CPU seconds and run-queue seconds of the busiest groups.
     */
    void printSince(ThreadCpu before, double wallSeconds, int top) {
        Map<String, double[]> groups = new TreeMap<>();
        times.forEach((tid, now) -> {
            long[] then = before.times.getOrDefault(tid, new long[3]);
            String group = names.get(tid).replaceAll("[0-9]+", "#");
            double[] sum = groups.computeIfAbsent(group, g -> new double[3]);
            sum[0] += (now[0] - then[0]) / 1e9;
            sum[1] += (now[1] - then[1]) / 1e9;
            sum[2] += now[2] - then[2];
        });
        double total = groups.values().stream().mapToDouble(g -> g[0]).sum();
        System.out.printf("process threads over %.1f s of wall time: %.1f s of CPU (%.2f cores); busiest, with the "
                + "time they waited for a core and how often they went to sleep:%n", wallSeconds, total,
                total / wallSeconds);
        groups.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(top)
                .forEach(g -> System.out.printf("  %6.2f s CPU  %6.2f s waiting  %7.0f sleeps  %s%n",
                        g.getValue()[0], g.getValue()[1], g.getValue()[2], g.getKey()));
    }
}
