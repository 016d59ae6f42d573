package io.newsflow.schemas;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro serdes bound to the schema registry. Records are written in the Confluent wire format (magic byte, 4-byte
 * schema id) with the id of the self-contained schema that {@code setup} registered under {@code <topic>-value}, so
 * Confluent consumers pointed at the registry's {@code /apis/ccompat/v7} API can read every topic. Writers look that
 * schema up by its content and never register one: a topic whose subject lacks the writer's schema is a
 * {@link SchemaNotRegisteredException} until {@code setup} has run.
 */
public final class RegistrySerdes {

    public static final String REGISTRY_URL = "apicurio.registry.url";
    /** Settings with this prefix go to the registry's client: its URL, TLS trust, authentication. */
    public static final String PREFIX = "apicurio.";

    private RegistrySerdes() {
    }

    /** Client settings for the registry at {@code registryUrl} (its {@code /apis/registry/v3} base). */
    public static Map<String, Object> config(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(REGISTRY_URL, registryUrl);
        config.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, "false");
        config.put(SchemaResolverConfig.ARTIFACT_RESOLVER_STRATEGY, TopicIdStrategy.class.getName());
        // The version whose content is the writer's own schema, not the subject's latest (see RegistryAvroSerializer).
        config.put(SchemaResolverConfig.FIND_LATEST_ARTIFACT, "false");
        // Looked up whole, as setup registered it, rather than with its nested types split out as references.
        config.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, "true");
        // Matched by meaning, so that a registry or client that reformats the JSON still finds it.
        config.put(SchemaResolverConfig.CANONICALIZE, "true");
        config.put("apicurio.registry.use-specific-avro-reader", "true");
        config.put("apicurio.registry.avro-datum-provider", SchemaKeyedDatumProvider.class.getName());
        return config;
    }

    /**
     * Client settings for the registry that {@code settings} name with {@link #REGISTRY_URL}: the pipeline's
     * defaults, overridden by every {@code apicurio.*} key given (TLS trust, authentication, ...).
     */
    public static Map<String, Object> config(Map<String, ?> settings) {
        Map<String, Object> config = config(String.valueOf(settings.get(REGISTRY_URL)));
        settings.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                config.put(key, value);
            }
        });
        return config;
    }

    /**
     * The pipeline's value serializer ({@link RegistryAvroSerializer}), as every stage writes: the registry
     * serializer's bytes, the schema looked up and never registered.
     */
    public static <T extends SpecificRecord> Serializer<T> valueSerializer(String registryUrl) {
        return valueSerializer(Map.of(REGISTRY_URL, registryUrl));
    }

    public static <T extends SpecificRecord> Serializer<T> valueSerializer(Map<String, ?> settings) {
        Serializer<T> serializer = new RegistryAvroSerializer<>();
        serializer.configure(config(settings), false);
        return serializer;
    }

    public static <T extends SpecificRecord> Deserializer<T> valueDeserializer(String registryUrl) {
        return valueDeserializer(Map.of(REGISTRY_URL, registryUrl));
    }

    /** A deserializer for the registry {@code settings} name, with their {@code apicurio.*} keys (see {@link #config(Map)}). */
    public static <T extends SpecificRecord> Deserializer<T> valueDeserializer(Map<String, ?> settings) {
        Deserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(config(settings), false);
        return deserializer;
    }

    public static <T extends SpecificRecord> Serde<T> valueSerde(String registryUrl) {
        Serde<T> serde = Serdes.serdeFrom(new RegistryAvroSerializer<>(), new AvroKafkaDeserializer<>());
        serde.configure(config(registryUrl), false);
        return serde;
    }
}
