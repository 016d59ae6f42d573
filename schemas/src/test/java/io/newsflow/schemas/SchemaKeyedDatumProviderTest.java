package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

class SchemaKeyedDatumProviderTest {

    private final SchemaKeyedDatumProvider<Object> provider = new SchemaKeyedDatumProvider<>();

    SchemaKeyedDatumProviderTest() {
        provider.configure(new AvroSerdeConfig(Map.of(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, "true")));
    }

    @Test
    void oneReaderPerSchemaEvenWhenTheSchemaIsFetchedAgain() {
        DatumReader<Object> first = provider.createDatumReader(RawArticle.getClassSchema());
        Schema fetchedAgain = new Schema.Parser().parse(RawArticle.getClassSchema().toString());

        assertThat(first).isInstanceOf(SpecificDatumReader.class);
        assertThat(provider.createDatumReader(RawArticle.getClassSchema())).isSameAs(first);
        assertThat(provider.createDatumReader(fetchedAgain)).isSameAs(first);
        assertThat(provider.createDatumReader(EnrichedArticle.getClassSchema())).isNotSameAs(first);
    }

    @Test
    void isTheProviderOfThePipelinesSerdes() {
        assertThat(RegistrySerdes.config("http://registry.invalid/apis/registry/v3"))
                .containsEntry(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaKeyedDatumProvider.class.getName());
    }
}
