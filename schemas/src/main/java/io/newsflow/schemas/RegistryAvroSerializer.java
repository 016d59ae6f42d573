package io.newsflow.schemas;

import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.BaseSerde;
import io.apicurio.registry.serde.IdHandler;
import io.apicurio.registry.serde.avro.AvroEncoding;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.AvroSerdeHeaders;
import io.apicurio.registry.serde.data.SerdeMetadata;
import io.apicurio.registry.serde.data.SerdeRecord;
import io.apicurio.registry.serde.kafka.headers.HeadersHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes values exactly as the registry's {@link AvroKafkaSerializer} configured with the same settings does
 * (magic byte, schema id, Avro binary; or the id in the record headers when {@code apicurio.registry.headers.enabled}
 * is set), but resolves the schema once per topic and record class and keeps one datum writer and encoder.
 *
 * <p>It never registers a schema: {@code setup} ({@link SchemaRegistration}) registers every topic's schema,
 * self-contained, and this serializer finds the id of the record's own schema among the versions of the topic's
 * subject by its content. By content, not the subject's latest version: a writer built from an older release keeps
 * writing its own schema's id while a newer version is registered. Settings that would make the registry serializer
 * register, take the latest version, or look up the schema with its nested types split out as references are
 * refused. A schema that is not registered fails with {@link SchemaNotRegisteredException}, which names the subject
 * and says to run {@code setup}.
 *
 * <p>The registry serializer looks its cache up by a fingerprint of the whole schema, recomputed for every record,
 * and copies the record through a growing buffer, a large share of the ingest thread's work per record (the
 * ingest benchmark shows it, docs/benchmarks.md). The schema and id are still found by the registry serializer's own resolver and id handler,
 * so artifact strategy and id option behave as configured. A schema id is immutable once given, so keeping it for
 * the life of the serializer is safe, and keeps records going out through a registry outage.
 *
 * <p>Thread-safe: the ingest daemon's sources publish concurrently, and they take turns for the few microseconds a
 * record takes to write rather than each keeping a serializer.
 */
public final class RegistryAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final int INITIAL_BUFFER_BYTES = 8 * 1024;
    /**
     * How the registry serializer must be set to look the schema up and never register it. Dereferenced, the schema
     * it searches for is the record's schema written out whole, as {@code setup} registered it.
     */
    private static final Map<String, String> LOOKUP_ONLY = Map.of(
            SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, "false",
            SchemaResolverConfig.FIND_LATEST_ARTIFACT, "false",
            SchemaResolverConfig.DEREFERENCE_SCHEMA, "true");

    private final Registry<T> registry = new Registry<>();
    private final AvroSerdeHeaders avroHeaders = new AvroSerdeHeaders(false);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    private boolean isKey;
    private boolean configured;
    private String registryUrl;
    private SchemaRegistration subjects;
    private BinaryEncoder encoder;

    /** The topic and record schema the fields below were resolved for; the schema compared by identity. */
    private String resolvedTopic;
    private Schema resolvedSchema;
    private ArtifactReference reference;
    private byte[] prefix;
    private SpecificDatumWriter<T> writer;

    /**
     * @param configs the registry serializer's settings ({@code apicurio.*}); the look-up settings may be left out
     * @throws ConfigException for a setting that would register, take the latest version, or write other than Avro
     *                         binary
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (new AvroSerdeConfig(configs).getAvroEncoding() != AvroEncoding.BINARY) {
            throw new ConfigException("apicurio.registry.avro.encoding", configs.get("apicurio.registry.avro.encoding"),
                    "the pipeline writes Avro binary");
        }
        Map<String, Object> lookUp = new HashMap<>(configs);
        LOOKUP_ONLY.forEach((key, required) -> {
            Object given = lookUp.put(key, required);
            if (given != null && !required.equalsIgnoreCase(String.valueOf(given).strip())) {
                throw new ConfigException(key, given, "the pipeline's writers look up the schema that setup "
                        + "registered, self-contained, by its content; they never register one (" + key + "="
                        + required + ")");
            }
        });
        this.isKey = isKey;
        this.registryUrl = String.valueOf(configs.get(RegistrySerdes.REGISTRY_URL));
        this.subjects = SchemaRegistration.forClientConfig(configs);
        registry.configure(lookUp, isKey);
        configured = true;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (registry.headers() != null && record != null) {
            throw new SerializationException("the registry is configured to carry schema ids in record headers, "
                    + "and this call has none");
        }
        return serialize(topic, null, record);
    }

    /**
     * @throws SchemaNotRegisteredException when the registry answers but the record's schema is not a version of
     *                                      the topic's subject; the next call asks again
     * @throws SerializationException       when the schema cannot be looked up (registry unreachable after the
     *                                      resolver's own retries); the next call tries again
     */
    @Override
    public synchronized byte[] serialize(String topic, Headers headers, T record) {
        if (record == null) {
            return null;
        }
        if (record.getSchema() != resolvedSchema || !topic.equals(resolvedTopic)) {
            resolve(topic, record);
        }
        if (registry.headers() != null) {
            registry.headers().writeHeaders(headers, reference);
            avroHeaders.addEncodingHeader(headers, AvroEncoding.BINARY.name());
        }
        buffer.reset();
        try {
            buffer.write(prefix);
            encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return buffer.toByteArray();
    }

    private void resolve(String topic, T record) {
        SchemaLookupResult<Schema> found = lookUp(topic, record);
        ArtifactReference artifact = found.toArtifactReference();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        if (registry.headers() == null) {
            head.write(BaseSerde.MAGIC_BYTE);
            try {
                registry.idHandler().writeId(artifact, head);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory", e);
            }
        }
        // The registry serializer writes with the schema it resolved, which is the record's unless configured otherwise.
        this.writer = new SpecificDatumWriter<>(found.getParsedSchema().getParsedSchema());
        this.reference = artifact;
        this.prefix = head.toByteArray();
        this.resolvedSchema = record.getSchema();
        this.resolvedTopic = topic;
    }

    /**
     * The registry serializer's resolver, looking the schema up by its content. Its failure does not tell a schema
     * the registry lacks from a registry that cannot answer, so the registry is then asked through its
     * Confluent-compatible API, where setup registers and Confluent clients look up: a schema it has after all was
     * registered between the two questions (setup running meanwhile), and is looked up once more.
     */
    private SchemaLookupResult<Schema> lookUp(String topic, T record) {
        SerdeRecord<T> data = new SerdeRecord<>(new SerdeMetadata(topic, isKey), record);
        Schema schema = record.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            return registry.getSchemaResolver().resolveSchema(data);
        } catch (RuntimeException failure) {
            Optional<Integer> registered;
            try {
                registered = subjects.registeredId(subject, schema);
            } catch (RuntimeException unanswered) {
                throw unresolved(schema, topic, failure);
            }
            if (registered.isEmpty()) {
                throw new SchemaNotRegisteredException(subject, "the schema of " + schema.getFullName() + " that "
                        + "this writer uses is not registered under subject " + subject + " in the registry at "
                        + registryUrl + ": run `news-pipeline setup` against this registry (with this release), which "
                        + "registers every topic's schema; writers never register one");
            }
        }
        try {
            return registry.getSchemaResolver().resolveSchema(data);
        } catch (RuntimeException failure) {
            throw unresolved(schema, topic, failure);
        }
    }

    private static SerializationException unresolved(Schema schema, String topic, RuntimeException failure) {
        return new SerializationException("could not resolve the schema of " + schema.getFullName() + " for " + topic
                + " in the registry: " + failure.getMessage(), failure);
    }

    @Override
    public synchronized void close() {
        // The registry serializer's close fails on one that was never configured.
        if (configured) {
            registry.close();
        }
    }

    /** The registry serializer, for its configured resolver, id handler and headers handler. */
    private static final class Registry<T> extends AvroKafkaSerializer<T> {

        IdHandler idHandler() {
            return delegatedSerializer.getSerdeConfigurer().getIdHandler();
        }

        /** null unless the id travels in headers */
        HeadersHandler headers() {
            return headersHandler;
        }
    }
}
