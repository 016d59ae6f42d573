package io.newsflow.pipeline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrichment.ArticleEnricher;
import io.newsflow.extraction.Extractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The extraction library on its own over the bench's stories, on as many threads as the enrichment app has stream
 * threads: what enrichment would cost without Kafka. Each story's text is the one the enrichment app hands the
 * library (headline, separator, body), with the story's language as the hint.
 */
public final class ExtractionAlone {

    private ExtractionAlone() {
    }

    /** Extracts every story once, {@code threads} at a time, with an extractor already loaded. */
    public static Throughput run(Extractor extractor, List<ObjectNode> stories, int threads) throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicInteger next = new AtomicInteger();
        DoubleAdder coreSeconds = new DoubleAdder();
        List<RuntimeException> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long cpuBefore = cpu.getCurrentThreadCpuTime();
                try {
                    for (int i = next.getAndIncrement(); i < stories.size(); i = next.getAndIncrement()) {
                        ObjectNode story = stories.get(i);
                        String text = story.path("headline").asText() + ArticleEnricher.HEADLINE_SEPARATOR
                                + story.path("body_text").asText();
                        extractor.extract(text, story.path("language").asText(null), null);
                    }
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    coreSeconds.add((cpu.getCurrentThreadCpuTime() - cpuBefore) / 1e9);
                }
            }, "bench-extraction-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("extraction failed on a bench story", failures.get(0));
        }
        return new Throughput("extraction alone (" + threads + " thread" + (threads == 1 ? "" : "s") + ")",
                stories.size(), wall, coreSeconds.sum());
    }
}
