package io.newsflow.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} tells about a process's CPU time and memory, and the machine's busy time. Every
 * reading is empty (or zero) where {@code /proc} is missing or the process is gone, so that a bench on another system
 * still prints its throughput.
 */
public final class ProcFs {

    /** USER_HZ, the unit of /proc's CPU times: 100 on every architecture Linux ships a JDK for. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    /** The process's user and system CPU time so far, its exited threads' included, in core-seconds. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            // The command name (field 2) may hold spaces and parentheses; the fields after it are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Core-seconds all CPUs spent outside idle and I/O wait since boot (the first line of /proc/stat). */
    public static double machineBusySeconds() {
        try (Stream<String> lines = Files.lines(PROC.resolve("stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: guest time is already counted in user.
            for (int i = 1; i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    /** The process's peak resident set so far (VmHWM), in KiB. */
    public static OptionalLong peakRssKiB(long pid) {
        return statusField(pid, "VmHWM:");
    }

    /** The process's resident set now (VmRSS), in KiB. */
    public static OptionalLong rssKiB(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /**
     * Resets the process's peak resident set to its current one (Linux 4.0 and later), so that a later
     * {@link #peakRssKiB} covers what happened since; false where the kernel does not allow it.
     */
    public static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(PROC.resolve(pid + "/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException refused) {
            return false;
        }
    }

    private static OptionalLong statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(PROC.resolve(pid + "/status"))) {
            return lines.filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").strip()))
                    .findFirst();
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }
}
