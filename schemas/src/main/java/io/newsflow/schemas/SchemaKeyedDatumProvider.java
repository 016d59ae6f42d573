package io.newsflow.schemas;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * The registry deserializer's datum provider (set by {@link RegistrySerdes#config}), with its readers looked up by
 * the writer schema itself. Apicurio's default provider keys them by a fingerprint of the schema's parsing form,
 * rebuilt from the whole schema for every record, which the enrichment app's stream thread pays on every read.
 * The schema handed in comes from the registry client's cache, the same object for every record of a schema id;
 * an Avro schema caches its hash code and compares equal to itself first, so a lookup here is a field read and an
 * identity comparison. A schema fetched again is equal to the one before and finds its reader.
 */
public final class SchemaKeyedDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        if (reader == null) {
            reader = readers.computeIfAbsent(schema, super::createDatumReader);
        }
        return reader;
    }
}
