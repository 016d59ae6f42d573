package io.newsflow.pipeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak memory per stage of the bench. In this JVM the heap pools' peaks and the resident set's high-water mark are
 * reset when a stage starts, so each stage's row shows its own peak (the resident set where the kernel allows the
 * reset; otherwise the peak since the JVM started, marked so). The child processes' peaks are their resident sets'
 * high-water marks since they started, read from /proc: their heap is not visible from here.
 */
public final class MemoryPeaks {

    /** One row: the process, what ran in it, peak heap in MiB (-1 where not measured), peak resident set. */
    public record Row(String process, String stage, long heapMiB, String rss) {
    }

    private final List<Row> rows = new ArrayList<>();
    private boolean rssReset;

    /** Starts a stage of this JVM: from now on its peaks are the stage's. */
    public void startStage() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        rssReset = ProcFs.resetPeakRss(ProcessHandle.current().pid());
    }

    /** Records this JVM's peaks since {@link #startStage()}. */
    public void endStage(String stage) {
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        String rss = mib(ProcFs.peakRssKiB(ProcessHandle.current().pid()));
        rows.add(new Row(ProcessUsage.THIS_JVM, stage, heap / (1024 * 1024), rssReset ? rss : rss + " (since start)"));
    }

    /** Records a child process's peak resident set since it started. */
    public void recordProcess(String process, String stage, long pid) {
        rows.add(new Row(process, stage, -1, mib(ProcFs.peakRssKiB(pid))));
    }

    /** Records the largest peak resident set among {@code pids}, e.g. the sink's PostgreSQL backends. */
    public void recordLargest(String process, String stage, List<Long> pids) {
        OptionalLong largest = pids.stream().map(ProcFs::peakRssKiB).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max();
        rows.add(new Row(process, stage, -1, mib(largest)));
    }

    public List<Row> rows() {
        return rows;
    }

    private static String mib(OptionalLong kib) {
        return kib.isPresent() ? kib.getAsLong() / 1024 + " MiB" : "unknown";
    }
}
