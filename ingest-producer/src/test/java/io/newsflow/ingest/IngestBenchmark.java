package io.newsflow.ingest;

import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Ingest throughput from local files into the broker, against a plain producer sending the same file bytes with
 * the same producer settings, in the same process and on the same in-process broker. Each side runs twice and
 * the second run counts (the first warms the JIT and the broker's page cache).
 *
 * <pre>./mvnw -q -pl ingest-producer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newsflow.ingest.IngestBenchmark [-Dexec.args=STORIES]</pre>
 */
public final class IngestBenchmark {

    private static final int STORY_BYTES = 2_048;
    private static final String PLAIN_TOPIC = "bench.plain";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("newsflow-ingest-bench");
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            String registryUrl = TestRegistry.shared().apiUrl();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Topics.ensureCreated(admin);
                admin.createTopics(List.of(new NewTopic(PLAIN_TOPIC, 6, (short) 1))).all().get();
            }
            SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
            writeStories(dir, stories);
            Map<String, Object> settings = new HashMap<>();
            settings.put(IngestConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            settings.put(IngestConfig.REGISTRY_URL_CONFIG, registryUrl);
            IngestConfig config = new IngestConfig(settings);

            Rate plain = null;
            Rate ingest = null;
            for (int run = 1; run <= 2; run++) {
                plain = plainProducer(config, dir, stories);
                ingest = ingestRun(settings, dir, stories);
                System.out.printf("run %d: plain producer %s, ingest %s%n", run, plain, ingest);
            }
            System.out.printf("%,d stories of %,d bytes, %d cores: ingest %,.0f stories/s = %.2f of a plain producer "
                            + "sending the same bytes (%,.0f/s)%n", stories, STORY_BYTES,
                    Runtime.getRuntime().availableProcessors(), ingest.perSecond(), ingest.perSecond() / plain.perSecond(),
                    plain.perSecond());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Stories a second, and the CPU time the calling thread spent on each: on a machine shared with other work the
     * rate moves with the load, the CPU time much less.
     */
    private record Rate(double perSecond, double cpuMicrosEach) {

        static Rate since(long startNanos, long startCpuNanos, int stories) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpuMicros = (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1e3;
            return new Rate(stories / seconds, cpuMicros / stories);
        }

        @Override
        public String toString() {
            return String.format("%,.0f stories/s (%.1f us CPU each on the calling thread)", perSecond, cpuMicrosEach);
        }
    }

    /** Same producer settings as the ingest stage (idempotent, acks=all, lz4, linger, batch), raw file bytes. */
    private static Rate plainProducer(IngestConfig config, Path dir, int stories) throws IOException {
        Map<String, Object> producerConfigs = config.producerConfigs();
        producerConfigs.put("value.serializer", ByteArraySerializer.class);
        producerConfigs.put("key.serializer", ByteArraySerializer.class);
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfigs);
             Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                producer.send(new ProducerRecord<>(PLAIN_TOPIC, file.getFileName().toString().getBytes(StandardCharsets.UTF_8), bytes));
            }
            producer.flush();
        }
        return Rate.since(start, startCpu, stories);
    }

    private static Rate ingestRun(Map<String, Object> settings, Path dir, int stories) {
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        IngestSummary summary = IngestRun.ingest(settings, List.of(dir), IngestListener.NONE);
        Rate rate = Rate.since(start, startCpu, stories);
        if (summary.published() != stories) {
            throw new IllegalStateException("expected " + stories + " published, got " + summary);
        }
        return rate;
    }

    /** Distinct wire stories of about 2 KB: a headline, a dateline, numbered paragraphs. */
    private static void writeStories(Path dir, int stories) throws IOException {
        String[] places = {"PORT SELWYN", "KESTON", "ELMHURST", "NORTHGATE", "LINDEN BAY"};
        for (int i = 0; i < stories; i++) {
            StringBuilder story = new StringBuilder()
                    .append("Council report ").append(i).append(": budget line ").append(i % 97).append(" revised\n\n")
                    .append(places[i % places.length]).append(", March ").append(1 + i % 28).append(" - ");
            int paragraph = 0;
            while (story.length() < STORY_BYTES - 120) {
                story.append("The council said item ").append(paragraph).append(" of report ").append(i)
                        .append(" would cost ").append(1_000 + (i * 31 + paragraph * 7) % 90_000)
                        .append(" dollars, up ").append((i + paragraph) % 19).append("% from last year, ")
                        .append("and that ").append(3 + paragraph).append(" contractors had bid for it.\n\n");
                paragraph++;
            }
            Files.writeString(dir.resolve(String.format("story-%07d.txt", i)), story);
        }
    }
}
