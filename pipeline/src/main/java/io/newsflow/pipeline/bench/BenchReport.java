package io.newsflow.pipeline.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The bench's report on standard output: Markdown tables, ready to paste into docs/benchmarks.md. */
public final class BenchReport {

    private final PrintStream out;

    public BenchReport(PrintStream out) {
        this.out = out;
    }

    /** Articles per second of each stage alone and of the whole pipeline, on the same number of stories. */
    public void throughput(Throughput plumbing, Throughput extraction, Throughput enrichment, LatencyRun.Result endToEnd,
                           double endToEndCoreSeconds) {
        table("Throughput", "stage", "stories", "wall", "articles/s", "core-seconds");
        for (Throughput stage : List.of(plumbing, extraction, enrichment)) {
            out.printf("| %s | %d | %.1f s | %.0f | %.1f |%n", stage.stage(), stage.stories(), stage.wallSeconds(),
                    stage.perSecond(), stage.coreSeconds());
        }
        out.printf("| end to end | %d | %.1f s | %.0f | %.1f |%n", endToEnd.stories(), endToEnd.wallSeconds(),
                endToEnd.perSecond(), endToEndCoreSeconds);
        out.println();
        table("Ratios", "ratio", "value");
        ratio("enrichment app / extraction alone", enrichment.perSecond(), extraction.perSecond());
        ratio("enrichment app / plumbing ceiling", enrichment.perSecond(), plumbing.perSecond());
        ratio("end to end / enrichment app", endToEnd.perSecond(), enrichment.perSecond());
        ratio("end to end / extraction alone", endToEnd.perSecond(), extraction.perSecond());
        ratio("end to end / plumbing ceiling", endToEnd.perSecond(), plumbing.perSecond());
        out.println();
    }

    /** Ingest-to-stored latency of each end-to-end run. */
    public void latency(List<LatencyRun.Result> runs) {
        table("Latency, ingest to stored", "run", "stories", "wall", "articles/s", "p50", "p99", "max");
        for (LatencyRun.Result run : runs) {
            out.printf("| %s | %d | %.1f s | %.0f | %.2f s | %.2f s | %.2f s |%n", run.name(), run.stories(),
                    run.wallSeconds(), run.perSecond(), run.latency(0.50), run.latency(0.99),
                    run.sortedLatencies()[run.sortedLatencies().length - 1]);
        }
        out.println();
    }

    public void memory(String store, List<MemoryPeaks.Row> rows) {
        table("Peak memory", "process", "stage", "peak heap", "peak RSS");
        for (MemoryPeaks.Row row : rows) {
            out.printf("| %s | %s | %s | %s |%n", row.process(), row.stage(),
                    row.heapMiB() < 0 ? "-" : row.heapMiB() + " MiB", row.rss());
        }
        out.printf("%nstore: %s%n%n", store);
    }

    public void coreSeconds(CoreSecondsSplit split, int stories) {
        table("Core-seconds of the end-to-end run", "process", "core-seconds");
        split.perProcess().forEach((process, seconds) -> out.printf("| %s | %.1f |%n", process, seconds));
        out.printf("| of which the enrichment app's stream threads | %.1f |%n", split.streamThreads());
        out.println();
        out.println("| part | core-seconds | share | core-ms per story |");
        out.println("|---|---|---|---|");
        double total = split.total();
        for (Map.Entry<String, Double> part : split.split().entrySet()) {
            out.printf("| %s | %.1f | %.0f %% | %.2f |%n", part.getKey(), part.getValue(),
                    total > 0 ? 100 * part.getValue() / total : 0, 1000 * part.getValue() / stories);
        }
        out.printf("| total (machine busy) | %.1f | 100 %% | %.2f |%n", total, 1000 * total / stories);
        out.println();
    }

    /** A section's title and the header of its table. */
    private void table(String title, String... columns) {
        out.println("## " + title);
        out.println();
        out.println("| " + String.join(" | ", columns) + " |");
        out.println("|---".repeat(columns.length) + "|");
    }

    private void ratio(String name, double numerator, double denominator) {
        out.printf("| %s | %.2f |%n", name, numerator / denominator);
    }
}
