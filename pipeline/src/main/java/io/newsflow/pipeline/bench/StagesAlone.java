package io.newsflow.pipeline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Streams apps without the sink: the pass-through app (the plumbing ceiling) and the enrichment app, each timed
 * to the last record committed to its output. Each fails unless exactly one record per story was committed. Their
 * core-seconds are this JVM's and the broker's (the registry's few lookups aside).
 */
public final class StagesAlone {

    private final String bootstrapServers;
    private final long brokerPid;
    private final Duration timeout;

    public StagesAlone(String bootstrapServers, long brokerPid, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.brokerPid = brokerPid;
        this.timeout = timeout;
    }

    /**
     * Feeds the stories through the ingest stage to a running pass-through app, timed from the first story handed
     * over to the last record committed to {@link PassThroughApp#OUTPUT}.
     */
    public Throughput plumbingCeiling(Map<String, Object> enrichmentSettings, Admin admin, StoryFeeder feeder,
                                      List<ObjectNode> batch, Path inbox) throws Exception {
        System.err.printf("bench: plumbing ceiling, a pass-through Streams app (%d stories)%n", batch.size());
        try (PassThroughApp app = PassThroughApp.start(enrichmentSettings, admin);
             CommittedRecords output = new CommittedRecords(bootstrapServers, PassThroughApp.OUTPUT)) {
            double cpuBefore = coreSeconds();
            long started = System.nanoTime();
            int fed = feeder.feedAll(batch, inbox);
            long done = output.awaitCount(fed, timeout);
            double cpu = coreSeconds() - cpuBefore;
            requireExactly(fed, output.countToEnd(), PassThroughApp.OUTPUT);
            return new Throughput("plumbing ceiling (pass-through Streams app)", fed, (done - started) / 1e9, cpu);
        }
    }

    /**
     * Starts the enrichment app on a {@code news.raw} that already holds {@code stories} stories, timed from its start
     * (its group join included) to the last record committed to {@code news.enriched}.
     *
     * @param startApp starts the app and returns once it processes
     */
    public Throughput enrichmentApp(Callable<?> startApp, int stories) throws Exception {
        System.err.printf("bench: the enrichment app alone (%d stories in news.raw)%n", stories);
        try (CommittedRecords output = new CommittedRecords(bootstrapServers, Topics.ENRICHED)) {
            double cpuBefore = coreSeconds();
            long started = System.nanoTime();
            startApp.call();
            long done = output.awaitCount(stories, timeout);
            double cpu = coreSeconds() - cpuBefore;
            requireExactly(stories, output.countToEnd(), Topics.ENRICHED);
            return new Throughput("enrichment app alone (news.raw filled)", stories, (done - started) / 1e9, cpu);
        }
    }

    private double coreSeconds() {
        return ProcFs.cpuSeconds(ProcessHandle.current().pid()) + ProcFs.cpuSeconds(brokerPid);
    }

    private static void requireExactly(long fed, long committed, String topic) {
        if (committed != fed) {
            throw new IllegalStateException(fed + " stories fed, " + committed + " records committed to " + topic);
        }
    }
}
