package io.newsflow.enrichment;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.RegistryContract;
import io.newsflow.schemas.RegistryFailures;
import io.newsflow.schemas.RegistryUnavailableException;
import io.newsflow.schemas.SchemaNotRegisteredException;
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
 * Waits out a registry outage inside (de)serialization, with backoff, for up to a deadline. An outage is a registry
 * that cannot be reached or fails (5xx, 429), and also one that answers without the pipeline's subject for the
 * topic, or without the schema this release writes: restarted without its storage, or not set up (for this release)
 * yet, it knows none of the ids in the records, and those records are fine. An unknown schema id from a registry that has the subject is the record's fault and is thrown at once.
 *
 * <p>Failing the stream thread instead would work too (its replacement reads from the last commit) but costs a
 * rebalance each time, and a dead member's partitions wait out {@code session.timeout.ms}. Blocking here keeps the
 * consumer's heartbeats going; if an open transaction outlives {@code transaction.timeout.ms} meanwhile, the
 * broker aborts it and Streams re-processes from the last commit, which is exactly-once all the same. Past the
 * deadline a {@link RegistryUnavailableException} goes to the exception handler, which fails the thread rather than
 * dead-letter the record. While a thread waits, and after one gave up until the registry serves again, the instance
 * reports itself DEGRADED ({@link EnrichmentMetrics#registryDegraded()}).
 */
final class RegistryRetryingSerde<T> implements Serde<T> {

    private static final Logger log = LoggerFactory.getLogger(RegistryRetryingSerde.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Serde<T> inner;
    private final Duration deadline;
    private final EnrichmentMetrics metrics;
    private final RegistryContract contract;
    private final RetryPolicy<Object> waitForRegistry;

    RegistryRetryingSerde(Serde<T> inner, Duration deadline, EnrichmentMetrics metrics, RegistryContract contract) {
        this.inner = inner;
        this.deadline = deadline;
        this.metrics = metrics;
        this.contract = contract;
        this.waitForRegistry = RetryPolicy.builder().handle(Outage.class)
                .withBackoff(FIRST_BACKOFF, MAX_BACKOFF).withMaxRetries(-1).withMaxDuration(deadline).build();
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
        int[] attempts = {0};
        boolean served = false;
        try {
            R result = Failsafe.with(waitForRegistry).get(() -> {
                if (++attempts[0] == 2) {
                    metrics.registryWaitBegan();
                }
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    String outage = outage(topic, e);
                    if (outage == null) {
                        // The record's own fault: nothing about the registry to wait for.
                        throw e;
                    }
                    metrics.registryUnavailable(outage);
                    log.warn("waiting for the schema registry, which {} ({}); attempt {}", outage, topic, attempts[0]);
                    throw new Outage(outage, e);
                }
            });
            served = true;
            if (attempts[0] > 1) {
                log.info("schema registry serves {} again after {} attempts", topic, attempts[0]);
            } else {
                metrics.registryServed();
            }
            return result;
        } catch (Outage stillOut) {
            throw new RegistryUnavailableException("schema registry " + stillOut.getMessage() + ", still after "
                    + deadline.toMillis() + " ms (" + EnrichmentConfig.REGISTRY_RETRY_TIMEOUT_MS_CONFIG + ")",
                    stillOut.getCause());
        } catch (FailsafeException e) {
            // Failsafe wraps only checked exceptions: here, the wait between two attempts interrupted.
            throw e.getCause() instanceof InterruptedException cause ? new InterruptException(cause) : e;
        } catch (RuntimeException recordsOwnFault) {
            served = true;
            throw recordsOwnFault;
        } finally {
            if (attempts[0] > 1) {
                metrics.registryWaitEnded(served);
            }
        }
    }

    /** A failure that is the registry's, not the record's: waited out. */
    private static final class Outage extends RuntimeException {
        Outage(String reason, RuntimeException cause) {
            super(reason, cause, false, false);
        }
    }

    /** What keeps the registry from serving {@code topic}, or null when the failure is the record's own. */
    private String outage(String topic, RuntimeException failure) {
        if (RegistryFailures.isUnavailable(failure)) {
            return "cannot be reached or fails (" + failure.getMessage() + ")";
        }
        if (failure instanceof SchemaNotRegisteredException notSetUp) {
            // Writers never register: the record is fine and is written once setup has registered its schema.
            return "lacks this release's schema under " + notSetUp.subject() + " (run setup)";
        }
        if (!DeadLetterReason.isUnknownSchemaId(failure)) {
            return null;
        }
        String subject = RegistryContract.subject(topic);
        try {
            return contract.knowsSubjectOf(topic) ? null
                    : "has no subject " + subject + " (restarted without its storage, or not set up)";
        } catch (RuntimeException checkFailed) {
            return "cannot say whether it has subject " + subject + " (" + checkFailed.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
