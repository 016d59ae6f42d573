package io.newsflow.schemas;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the registry knows the subject of a topic's values ({@code <topic>-value}). A registry that answers but
 * lacks it has lost its schemas (restarted without its storage) or was never set up: an unknown schema id read from
 * it says nothing about the record. One that has it is healthy, and an id it does not know is the record's fault.
 *
 * <p>A yes is kept for {@link #REMEMBER_KNOWN}, so that a burst of records with bad ids costs one question, not one
 * each. A no is not kept: it is asked while waiting, at the waiting's backoff, and the first yes ends the wait.
 */
public final class RegistryContract {

    private static final Duration REMEMBER_KNOWN = Duration.ofSeconds(5);

    private final SchemaRegistration registry;
    private final Map<String, Long> knownUntilNanos = new ConcurrentHashMap<>();

    public RegistryContract(SchemaRegistration registry) {
        this.registry = registry;
    }

    /** @throws IllegalStateException when the registry cannot be asked (unreachable, or failing) */
    public boolean knowsSubjectOf(String topic) {
        Long until = knownUntilNanos.get(topic);
        if (until != null && System.nanoTime() - until < 0) {
            return true;
        }
        boolean known = registry.isRegistered(subject(topic));
        if (known) {
            knownUntilNanos.put(topic, System.nanoTime() + REMEMBER_KNOWN.toNanos());
        } else {
            knownUntilNanos.remove(topic);
        }
        return known;
    }

    public static String subject(String topic) {
        return SchemaRegistration.subject(topic);
    }
}
