package io.newsflow.pipeline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the core-seconds of the end-to-end run went, from the CPU time each process used during it.
 *
 * <p>The extraction runs on the enrichment app's stream threads, between Streams' own work on the same threads
 * (deserializing, serializing, the duplicate filter, commits), so it cannot be read off a thread: it is estimated as
 * the extraction-alone run's core-seconds per story times the stories of the run, at most the stream threads' CPU
 * time during the run. The rest of this JVM (ingest
 * stage, Streams, the Kafka clients, garbage collection) and the broker are "Kafka and Streams"; the Connect worker
 * and the PostgreSQL server "sink and database" (on SQLite the database runs inside the worker). What watching the
 * store cost the bench is taken out of both and counted with "the rest", which is the machine's busy time not
 * charged to the pipeline's processes: other processes and the kernel's work on nobody's behalf.
 */
public final class CoreSecondsSplit {

    public static final String EXTRACTION = "extraction (estimated)";
    public static final String KAFKA_AND_STREAMS = "Kafka and Streams";
    public static final String SINK_AND_DATABASE = "sink and database";
    public static final String REGISTRY = "registry";
    public static final String REST = "the rest";

    private final Map<String, Double> perProcess = new LinkedHashMap<>();
    private final Map<String, Double> split = new LinkedHashMap<>();
    private final double machineBusy;
    private final double streamThreads;

    public CoreSecondsSplit(ProcessUsage.Sample before, ProcessUsage.Sample after, Throughput extractionAlone,
                            LatencyRun.Result run) {
        before.perProcess().keySet().forEach(process -> perProcess.put(process, after.since(before, process)));
        machineBusy = after.machineBusy() - before.machineBusy();
        streamThreads = after.streamThreads() - before.streamThreads();
        double ownJvm = perProcess.get(ProcessUsage.THIS_JVM) - run.watchThreadSeconds();
        // The stream threads' time bounds the estimate: a story's extraction cannot take more there than all of it.
        double extraction = Math.min(streamThreads, extractionAlone.coreSecondsPerStory() * run.stories());
        split.put(EXTRACTION, extraction);
        split.put(KAFKA_AND_STREAMS, ownJvm - extraction + perProcess.get(ProcessUsage.BROKER));
        split.put(SINK_AND_DATABASE, perProcess.get(ProcessUsage.CONNECT)
                + perProcess.getOrDefault(ProcessUsage.POSTGRES, 0.0) - run.watchBackendSeconds());
        split.put(REGISTRY, perProcess.get(ProcessUsage.REGISTRY));
        double charged = split.values().stream().mapToDouble(Double::doubleValue).sum();
        split.put(REST, Math.max(0, machineBusy - charged));
    }

    /** Core-seconds of each part: extraction, Kafka and Streams, sink and database, registry, the rest. */
    public Map<String, Double> split() {
        return split;
    }

    /** Core-seconds the pipeline's processes used during the run, less what watching the store cost. */
    public double pipeline() {
        return split.entrySet().stream().filter(part -> !part.getKey().equals(REST))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Core-seconds each process used during the run. */
    public Map<String, Double> perProcess() {
        return perProcess;
    }

    /** The machine's busy core-seconds during the run, or the parts' sum where the machine's are not known. */
    public double total() {
        return Math.max(machineBusy, split.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** CPU time of the enrichment app's stream threads during the run, measured: the extraction is part of it. */
    public double streamThreads() {
        return streamThreads;
    }
}
