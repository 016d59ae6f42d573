package io.newsflow.schemas;

import io.apicurio.registry.resolver.SchemaLookupResult;
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
import java.util.Map;
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
 * <p>The registry serializer looks its cache up by a fingerprint of the whole schema, recomputed for every record,
 * and copies the record through a growing buffer: at a few thousand stories a second that was a fifth of the
 * ingest thread, and in the enrichment app, whose output schema nests the article, entities and figures, about 1%
 * of the stream thread. The schema and id are still found by the registry serializer's own resolver and id handler,
 * so artifact strategy, auto-registration and id option behave as configured. A schema id is immutable once given,
 * so keeping it for the life of the serializer is safe; a newer version registered meanwhile (with
 * {@code apicurio.registry.find-latest}) is picked up by the next serializer, not this one.
 *
 * <p>Thread-safe: the ingest daemon's sources publish concurrently, and they take turns for the few microseconds a
 * record takes to write rather than each keeping a serializer.
 */
public final class RegistryAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final int INITIAL_BUFFER_BYTES = 8 * 1024;

    private final Registry<T> registry = new Registry<>();
    private final AvroSerdeHeaders avroHeaders = new AvroSerdeHeaders(false);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    private boolean isKey;
    private boolean configured;
    private BinaryEncoder encoder;

    /** The topic and record schema the fields below were resolved for; the schema compared by identity. */
    private String resolvedTopic;
    private Schema resolvedSchema;
    private ArtifactReference reference;
    private byte[] prefix;
    private SpecificDatumWriter<T> writer;

    /** @param configs the registry serializer's settings ({@code apicurio.*}) */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (new AvroSerdeConfig(configs).getAvroEncoding() != AvroEncoding.BINARY) {
            throw new ConfigException("apicurio.registry.avro.encoding", configs.get("apicurio.registry.avro.encoding"),
                    "the pipeline writes Avro binary");
        }
        this.isKey = isKey;
        registry.configure(configs, isKey);
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
     * @throws SerializationException when the schema cannot be resolved (registry unreachable after the resolver's
     *                                own retries, or the schema refused); the next call tries again
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
        SchemaLookupResult<Schema> found;
        try {
            found = registry.getSchemaResolver().resolveSchema(new SerdeRecord<>(new SerdeMetadata(topic, isKey), record));
        } catch (RuntimeException e) {
            throw new SerializationException("could not resolve the schema of " + record.getSchema().getFullName()
                    + " for " + topic + " in the registry: " + e.getMessage(), e);
        }
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
