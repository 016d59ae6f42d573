package io.newsflow.extraction.figures.bench;

import io.newsflow.extraction.figures.FigureExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure extraction throughput on the shared benchmark corpus, one language at a time, on one thread (per core).
 * Each operation extracts the figures of one article; the "bytes" counter reports UTF-8 bytes of article text, so
 * JMH prints articles/s as the primary score and bytes/s alongside. See extraction/FIGURES.md for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class FigureThroughputBenchmark {

    @Param({"ar", "en"})
    public String language;

    private FigureExtractor extractor;
    private String[] articles;
    private int[] bytes;
    private int next;

    /** Bytes of article text processed, reported by JMH as a rate next to the articles/s score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        String shared = System.getProperty("newsflow.shared.dir", "../../shared");
        Path corpus = Path.of(shared, "data", "corpus", "news.jsonl");
        List<String> texts = new ArrayList<>();
        String tag = "\"lang\": \"" + language + "\"";
        for (String line : Files.readAllLines(corpus)) {
            if (line.contains(tag)) {
                texts.add(field(line, "headline") + "\n\n" + field(line, "body"));
            }
        }
        articles = texts.toArray(String[]::new);
        bytes = new int[articles.length];
        for (int i = 0; i < articles.length; i++) {
            bytes[i] = articles[i].getBytes(StandardCharsets.UTF_8).length;
        }
        extractor = FigureExtractor.create();
    }

    @Benchmark
    public int extract(Bytes counter) {
        int i = next;
        next = i + 1 == articles.length ? 0 : i + 1;
        counter.bytes += bytes[i];
        return extractor.extract(articles[i], language, null).size();
    }

    /** The string value of a top-level field of one JSON line, unescaped; the corpus has no nested objects. */
    static String field(String line, String name) {
        String key = "\"" + name + "\": \"";
        int at = line.indexOf(key);
        if (at < 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = at + key.length(); i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char e = line.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
