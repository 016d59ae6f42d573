package io.newsflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a topic from the start as a downstream consumer would: committed records only. */
final class TopicReader {

    private TopicReader() {
    }

    /**
     * Polls until {@code expected} matching records are in (failing after {@code timeout}), then polls once more
     * so that a record delivered twice shows up as one too many.
     */
    static <K, V> List<ConsumerRecord<K, V>> readCommitted(String bootstrapServers, String topic,
                                                          Deserializer<K> keys, Deserializer<V> values,
                                                          Predicate<ConsumerRecord<K, V>> matching, int expected,
                                                          Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<K, V>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                });
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                if (matching.test(record)) {
                    found.add(record);
                }
            });
            assertThat(found).as("matching records on %s", topic).hasSize(expected);
            return found;
        }
    }
}
