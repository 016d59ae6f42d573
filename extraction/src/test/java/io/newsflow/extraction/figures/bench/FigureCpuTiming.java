package io.newsflow.extraction.figures.bench;

import io.newsflow.extraction.figures.FigureExtractor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure extraction per CPU-second of the extracting thread, for when the shared machine is too loaded for JMH's
 * wall-clock scores to mean anything: thread CPU time does not count the time the scheduler gives to other
 * processes, so this stays close to what one uncontended core does (caches are still shared, so it errs low).
 * Run from {@code extraction/}: {@code java -cp ... io.newsflow.extraction.figures.bench.FigureCpuTiming [passes]}.
 */
public final class FigureCpuTiming {

    private FigureCpuTiming() {
    }

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path corpus = Path.of(System.getProperty("newsflow.shared.dir", "../../shared"), "data", "corpus", "news.jsonl");
        FigureExtractor extractor = FigureExtractor.create();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> lines = Files.readAllLines(corpus);
        for (String language : new String[] {"ar", "en"}) {
            List<String> texts = new ArrayList<>();
            long bytes = 0;
            for (String line : lines) {
                if (line.contains("\"lang\": \"" + language + "\"")) {
                    String text = FigureThroughputBenchmark.field(line, "headline") + "\n\n"
                            + FigureThroughputBenchmark.field(line, "body");
                    texts.add(text);
                    bytes += text.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            long sink = 0;
            for (int warm = 0; warm < 3; warm++) {
                for (String t : texts) {
                    sink += extractor.extract(t, language, null).size();
                }
            }
            for (int pass = 1; pass <= passes; pass++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                for (String t : texts) {
                    sink += extractor.extract(t, language, null).size();
                }
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                double wall = (System.nanoTime() - wall0) / 1e9;
                System.out.printf(Locale.ROOT, "%s pass %d: %d articles, %.0f articles/CPU-s, %.1f MB/CPU-s"
                        + " (wall %.0f articles/s)%n", language, pass, texts.size(), texts.size() / cpu,
                        bytes / cpu / 1e6, texts.size() / wall);
            }
            System.out.println("(figures found: " + sink + ")");
        }
    }
}
