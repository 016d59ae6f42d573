package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The real broker and registry the source tests publish to, and what landed on the topics. */
final class SourceTestKit {

    static final int STORY_LIMIT = 4 * 1024;

    private static SourceTestKit shared;

    private final KafkaTestCluster kafka;
    private final String registryUrl;

    private SourceTestKit() {
        kafka = KafkaTestCluster.shared();
        registryUrl = TestRegistry.shared().apiUrl();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
    }

    static synchronized SourceTestKit shared() {
        if (shared == null) {
            shared = new SourceTestKit();
        }
        return shared;
    }

    IngestConfig config() {
        return new IngestConfig(settings());
    }

    /** The settings of {@link #config()}, to change. */
    Map<String, Object> settings() {
        return new HashMap<>(Map.of(
                IngestConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                IngestConfig.REGISTRY_URL_CONFIG, registryUrl,
                IngestConfig.MAX_STORY_BYTES_CONFIG, STORY_LIMIT));
    }

    StoryIntake intake(StoryPublisher publisher) {
        return new StoryIntake(publisher, Clock.systemUTC(), IngestListener.NONE);
    }

    /** The matching articles on news.raw, once exactly {@code expected} are there. */
    List<RawArticle> published(Predicate<RawArticle> matching, int expected) {
        return read(Topics.RAW, RegistrySerdes.<RawArticle>valueDeserializer(registryUrl),
                record -> matching.test((RawArticle) record.value()), expected)
                .stream().map(record -> (RawArticle) record.value()).toList();
    }

    /** Source to reason of the rejections on news.rejects from {@code source}, once exactly {@code expected} are there. */
    Map<String, String> rejected(Predicate<String> source, int expected) {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ConsumerRecord<String, ?> record : read(Topics.REJECTS, new StringDeserializer(),
                r -> source.test(r.key()), expected)) {
            try {
                JsonNode node = json.readTree((String) record.value());
                reasons.merge(record.key(), node.get("reason").asText(), (a, b) -> a + " | " + b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reasons;
    }

    /** Reads the topic from the start until {@code expected} matching records are in, failing after 30 s or on more. */
    private <V> List<ConsumerRecord<String, ?>> read(String topic, Deserializer<V> values,
                                                     Predicate<ConsumerRecord<String, ?>> matching, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, ?>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // One poll past the expected count catches records that should not be there.
            boolean extraPoll = false;
            while (!extraPoll && System.nanoTime() < deadline) {
                extraPoll = found.size() >= expected;
                consumer.poll(Duration.ofMillis(extraPoll ? 500 : 200)).forEach(record -> {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                });
            }
            assertThat(found).as("records on %s", topic).hasSize(expected);
            return found;
        }
    }
}
