package io.newsflow.pipeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The processes the bench's pipeline runs in, and the CPU time each has used: this JVM (ingest stage, enrichment
 * app, the bench itself), the broker and the Connect worker (child JVMs), the registry (a child process), and, when
 * the sink stores into PostgreSQL, the server processes that work for the bench's database (see
 * {@link BenchStore#serverPidsForThisDatabase()}).
 */
public final class ProcessUsage {

    public static final String THIS_JVM = "this JVM (ingest, enrichment)";
    public static final String BROKER = "Kafka broker";
    public static final String CONNECT = "Connect worker (sink)";
    public static final String REGISTRY = "registry";
    public static final String POSTGRES = "PostgreSQL (this database's backends, background processes)";

    private final Map<String, Supplier<List<Long>>> processes = new LinkedHashMap<>();

    public ProcessUsage(long brokerPid, long connectPid, long registryPid, BenchStore store) {
        processes.put(THIS_JVM, () -> List.of(ProcessHandle.current().pid()));
        processes.put(BROKER, () -> List.of(brokerPid));
        processes.put(CONNECT, () -> List.of(connectPid));
        processes.put(REGISTRY, () -> registryPid < 0 ? List.of() : List.of(registryPid));
        if (store.isPostgres()) {
            processes.put(POSTGRES, () -> {
                try {
                    return store.serverPidsForThisDatabase();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot list the PostgreSQL server's processes", e);
                }
            });
        }
    }

    /**
     * CPU time so far, per process and per pid (so that a PostgreSQL backend started between two samples counts from
     * zero), with the machine's busy time and the CPU time of the enrichment app's stream threads.
     */
    public record Sample(Map<String, Map<Long, Double>> perProcess, double machineBusy, double streamThreads) {

        /** Core-seconds {@code process} used between {@code before} and this sample, by the pids alive at both ends. */
        public double since(Sample before, String process) {
            Map<Long, Double> earlier = before.perProcess.getOrDefault(process, Map.of());
            return perProcess.getOrDefault(process, Map.of()).entrySet().stream()
                    .mapToDouble(pid -> pid.getValue() - earlier.getOrDefault(pid.getKey(), 0.0)).sum();
        }
    }

    public Sample sample() {
        Map<String, Map<Long, Double>> perProcess = new LinkedHashMap<>();
        processes.forEach((name, pids) -> {
            Map<Long, Double> cpu = new LinkedHashMap<>();
            pids.get().forEach(pid -> cpu.put(pid, ProcFs.cpuSeconds(pid)));
            perProcess.put(name, cpu);
        });
        return new Sample(perProcess, ProcFs.machineBusySeconds(), streamThreadSeconds());
    }

    public Map<String, Supplier<List<Long>>> processes() {
        return processes;
    }

    /** CPU time of the Kafka Streams processing threads in this JVM, where the enrichment runs the extraction. */
    private static double streamThreadSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double seconds = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-StreamThread-")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                seconds += cpu < 0 ? 0 : cpu / 1e9;
            }
        }
        return seconds;
    }
}
