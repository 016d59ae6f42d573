package io.newsflow.enrichment;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a registry outage inside (de)serialization, with backoff, for up to a deadline.
 *
 * <p>Failing the stream thread instead would work too (its replacement reads from the last commit) but costs a
 * rebalance each time, and a dead member's partitions wait out {@code session.timeout.ms}. Blocking here keeps the
 * consumer's heartbeats going; if an open transaction outlives {@code transaction.timeout.ms} meanwhile, the
 * broker aborts it and Streams re-processes from the last commit, which is exactly-once all the same. Past the
 * deadline the failure goes to the exception handlers, which fail the thread rather than dead-letter the record.
 */
final class RegistryRetryingSerde<T> implements Serde<T> {

    private static final Logger log = LoggerFactory.getLogger(RegistryRetryingSerde.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Serde<T> inner;
    private final Duration deadline;
    private final EnrichmentMetrics metrics;

    RegistryRetryingSerde(Serde<T> inner, Duration deadline, EnrichmentMetrics metrics) {
        this.inner = inner;
        this.deadline = deadline;
        this.metrics = metrics;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return retrying(topic, () -> serializer.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return retrying(topic, () -> serializer.serialize(topic, headers, data));
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> deserializer = inner.deserializer();
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                return retrying(topic, () -> deserializer.deserialize(topic, data));
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return retrying(topic, () -> deserializer.deserialize(topic, headers, data));
            }
        };
    }

    private <R> R retrying(String topic, Supplier<R> call) {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                R result = call.get();
                if (attempt > 1) {
                    log.info("schema registry reachable again after {} attempts ({})", attempt, topic);
                }
                return result;
            } catch (RuntimeException e) {
                if (!RegistryFailures.isUnavailable(e) || System.nanoTime() + backoff.toNanos() > giveUpAt) {
                    throw e;
                }
                metrics.registryUnavailable(e);
                log.warn("schema registry unavailable ({}); attempt {}, retrying in {} ms", topic, attempt,
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
