package io.newsflow.pipeline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records a transactional writer has committed to a topic, as a read_committed consumer sees them: a
 * Streams app's output counts once its transaction commits, which is when downstream stages can read it.
 */
public final class CommittedRecords implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private long counted;

    /** Starts counting from the topic's beginning. */
    public CommittedRecords(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until {@code expected} records have been committed and returns {@link System#nanoTime()} at the poll that
     * saw the last of them.
     *
     * @throws TimeoutException when fewer were committed within {@code timeout}
     */
    public long awaitCount(long expected, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counted < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(counted + " of " + expected + " records committed to " + topic + " within "
                        + timeout.toSeconds() + " s");
            }
            counted += consumer.poll(Duration.ofMillis(50)).count();
        }
        return System.nanoTime();
    }

    /** Every record committed so far, read to the topic's end. */
    public long countToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            counted += consumer.poll(Duration.ofMillis(200)).count();
        }
        return counted;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
