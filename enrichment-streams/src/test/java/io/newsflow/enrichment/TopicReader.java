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

    /** Every matching record up to the topic's current end (its last stable offset, for committed data). */
    static <K, V> List<ConsumerRecord<K, V>> readToEnd(String bootstrapServers, String topic, Deserializer<K> keys,
                                                      Deserializer<V> values, Predicate<ConsumerRecord<K, V>> matching) {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers), keys, values)) {
            List<TopicPartition> partitions = assignFromStart(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<K, V>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("reading %s to its end", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /**
     * Polls until {@code expected} matching records are in (failing after {@code timeout}), then polls once more
     * so that a record delivered twice shows up as one too many.
     */
    static <K, V> List<ConsumerRecord<K, V>> readCommitted(String bootstrapServers, String topic,
                                                          Deserializer<K> keys, Deserializer<V> values,
                                                          Predicate<ConsumerRecord<K, V>> matching, int expected,
                                                          Duration timeout) {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers), keys, values)) {
            assignFromStart(consumer, topic);
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

    /** The first matching record, waiting for it up to {@code timeout}. */
    static <K, V> ConsumerRecord<K, V> awaitFirst(String bootstrapServers, String topic, Deserializer<K> keys,
                                                 Deserializer<V> values, Predicate<ConsumerRecord<K, V>> matching,
                                                 Duration timeout) {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers), keys, values)) {
            assignFromStart(consumer, topic);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no matching record on " + topic + " within " + timeout);
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    private static List<TopicPartition> assignFromStart(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
