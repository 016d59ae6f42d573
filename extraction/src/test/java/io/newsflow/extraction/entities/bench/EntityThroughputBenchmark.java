package io.newsflow.extraction.entities.bench;

import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.train.CorpusReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Entity recognition throughput on the shared corpus, one thread, models loaded once, heap capped at 512 MB.
 * Each operation recognizes one article (headline and body), cycling through the language's articles;
 * the {@code tokens} counter turns that into tokens/s. Run with the command in {@code extraction/ENTITIES.md}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@State(Scope.Benchmark)
public class EntityThroughputBenchmark {

    @Param({"ar", "en"})
    public String language;

    private EntityRecognizer recognizer;
    private List<String> articles;
    private int[] tokenCounts;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        recognizer = EntityRecognizer.load();
        articles = new ArrayList<>();
        CorpusReader.forEach(SharedData.dir().resolve("corpus/news.jsonl"), language, Integer.MAX_VALUE,
                articles::add);
        if (articles.isEmpty()) {
            throw new IllegalStateException("no " + language + " articles under " + SharedData.dir());
        }
        tokenCounts = articles.stream().mapToInt(a -> Tokenizer.tokenize(a).size()).toArray();
    }

    /**
     * Tokens recognized, and the benchmark thread's CPU time in microseconds, both reported by JMH as rates beside
     * articles/s. On a machine whose cores other processes share, wall-clock articles/s understates what one core
     * does; articles/s divided by (cpuMicros/s / 1,000,000) is the rate per second of CPU, i.e. per core.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Tokens {
        public long tokens;
        public long cpuMicros;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Benchmark
    public Object recognize(Tokens counter) {
        int i = next;
        next = i + 1 == articles.size() ? 0 : i + 1;
        counter.tokens += tokenCounts[i];
        long cpu = THREADS.getCurrentThreadCpuTime();
        Object result = recognizer.recognize(articles.get(i), language);
        counter.cpuMicros += (THREADS.getCurrentThreadCpuTime() - cpu) / 1000;
        return result;
    }
}
