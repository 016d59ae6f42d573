package io.newsflow.pipeline;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What {@code status} reads: the stages' reports on news.ops. */
final class OpsReports {

    private OpsReports() {
    }

    /** The last report on news.ops keyed {@code stage/instance}, if there is one yet. */
    static Optional<OpsEvent> last(String bootstrapServers, String registryUrl, String key) {
        try (KafkaConsumer<String, OpsEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), RegistrySerdes.<OpsEvent>valueDeserializer(registryUrl))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OPS).stream()
                    .map(info -> new TopicPartition(Topics.OPS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            OpsEvent last = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        last = record.value();
                    }
                }
            }
            return Optional.ofNullable(last);
        }
    }
}
