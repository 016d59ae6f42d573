package io.newsflow.schemas;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro serdes bound to the schema registry. Records are written in the Confluent wire format (magic byte, 4-byte
 * schema id), with subjects named {@code <topic>-value}, so Confluent consumers pointed at the registry's
 * {@code /apis/ccompat/v7} API can read every topic.
 */
public final class RegistrySerdes {

    public static final String REGISTRY_URL = "apicurio.registry.url";

    private RegistrySerdes() {
    }

    /** Client settings for the registry at {@code registryUrl} (its {@code /apis/registry/v3} base). */
    public static Map<String, Object> config(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(REGISTRY_URL, registryUrl);
        config.put("apicurio.registry.auto-register", "true");
        config.put("apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.strategy.TopicIdStrategy");
        config.put("apicurio.registry.find-latest", "false");
        config.put("apicurio.registry.use-specific-avro-reader", "true");
        config.put("apicurio.registry.avro-datum-provider", SchemaKeyedDatumProvider.class.getName());
        return config;
    }

    public static <T extends SpecificRecord> Serializer<T> valueSerializer(String registryUrl) {
        Serializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config(registryUrl), false);
        return serializer;
    }

    public static <T extends SpecificRecord> Deserializer<T> valueDeserializer(String registryUrl) {
        Deserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(config(registryUrl), false);
        return deserializer;
    }

    public static <T extends SpecificRecord> Serde<T> valueSerde(String registryUrl) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config(registryUrl), false);
        return serde;
    }
}
