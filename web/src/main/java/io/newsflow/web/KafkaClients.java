package io.newsflow.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Clients that watch the pipeline (the web view, {@code status}, {@code tail}), from the stage settings: only the keys
 * a consumer or producer knows.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * Without a group and without commits: watching the pipeline leaves no trace in it. The client id is
     * {@code clientIdPrefix} and a random suffix.
     */
    public static Map<String, Object> consumer(Map<String, Object> settings, String clientIdPrefix) {
        Map<String, Object> config = only(settings, ConsumerConfig.configNames());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    static Map<String, Object> producer(Map<String, Object> settings) {
        Map<String, Object> config = only(settings, ProducerConfig.configNames());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-web-replay-" + UUID.randomUUID());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** Assigns every partition of {@code topic}; an absent topic has none and the consumer simply waits. */
    static List<TopicPartition> assignAll(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }

    /**
     * Assigns every partition of {@code topic}, each positioned at its first record at or after {@code sinceMillis}
     * (at its end where there is none), and returns them.
     */
    public static List<TopicPartition> assignSince(KafkaConsumer<?, ?> consumer, String topic, long sinceMillis) {
        List<TopicPartition> partitions = assignAll(consumer, topic);
        Map<TopicPartition, Long> since = new HashMap<>();
        partitions.forEach(p -> since.put(p, sinceMillis));
        consumer.offsetsForTimes(since).forEach((partition, offset) -> {
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
        return partitions;
    }

    private static Map<String, Object> only(Map<String, Object> settings, java.util.Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        settings.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
