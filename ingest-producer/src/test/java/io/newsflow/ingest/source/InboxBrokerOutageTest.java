package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox while its only broker is down, on a cluster of its own: a story dropped meanwhile waits in the inbox
 * (not in {@code error/}) and is published once the broker is back.
 */
class InboxBrokerOutageTest {

    @Test
    void keepsAStoryInTheInboxWhileTheBrokerIsDownAndPublishesItOnceItIsBack(@TempDir Path inbox) throws Exception {
        String registryUrl = TestRegistry.shared().apiUrl();
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Topics.ensureCreated(admin);
            }
            SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
            Map<String, Object> settings = Map.of(
                    IngestConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    IngestConfig.REGISTRY_URL_CONFIG, registryUrl,
                    IngestConfig.MAX_STORY_BYTES_CONFIG, SourceTestKit.STORY_LIMIT,
                    // Failures reported within seconds rather than the default two minutes.
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            try (StoryPublisher publisher = new StoryPublisher(new IngestConfig(settings))) {
                InboxWatcher watcher = new InboxWatcher(inbox,
                        new StoryIntake(publisher, Clock.systemUTC(), IngestListener.NONE),
                        SourceTestKit.STORY_LIMIT);
                Files.writeString(inbox.resolve("tram.txt"), "Tram line opens\n\nThe 6 km line has 9 stops.\n");
                watcher.scan();
                assertThat(watcher.scan()).as("a story while the broker is up").isEqualTo(1);

                kafka.stopBroker(0);
                Path ferry = inbox.resolve("ferry.txt");
                Files.writeString(ferry, "Ferry timetable changes\n\nThe 07:40 ferry leaves at 07:50 from Monday.\n");
                watcher.scan();
                assertThat(watcher.scan()).as("the broker is down").isZero();
                assertThat(ferry).exists();
                assertThat(inbox.resolve("error")).isEmptyDirectory();

                kafka.startBroker(0);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                int moved = 0;
                while (moved == 0 && System.nanoTime() < deadline) {
                    moved = watcher.scan();
                }
                assertThat(moved).as("the broker is back").isEqualTo(1);
                assertThat(inbox.resolve("done/ferry.txt")).exists();
            }
            assertThat(headlines(kafka, registryUrl, 2)).containsExactlyInAnyOrder("Tram line opens", "Ferry timetable changes");
        }
    }

    private static List<String> headlines(KafkaTestCluster kafka, String registryUrl, int expected) {
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), RegistrySerdes.<RawArticle>valueDeserializer(registryUrl))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW).stream()
                    .map(info -> new TopicPartition(Topics.RAW, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> found.add(record.value().getHeadline()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> found.add(record.value().getHeadline()));
            return found;
        }
    }
}
