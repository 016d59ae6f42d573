package io.newsflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads a value as a Confluent client does, with nothing of the pipeline's: magic byte 0 and a 4-byte schema id, the
 * schema fetched by that id from the registry's Confluent-compatible API and parsed by plain Avro knowing no other
 * type, the rest decoded by a generic reader. A schema that names a type it does not define fails to parse here as
 * it does in Confluent's clients ("undefined type name").
 */
final class ConfluentStyleReader {

    private static final int HEADER_BYTES = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String ccompatUrl;

    /** @param ccompatUrl e.g. {@code http://127.0.0.1:8080/apis/ccompat/v7} */
    ConfluentStyleReader(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl;
    }

    record Value(int schemaId, GenericRecord record) {
    }

    Value read(byte[] value) throws IOException, InterruptedException {
        assertThat(value[0]).as("magic byte").isZero();
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + schemaId))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET /schemas/ids/%d: %s", schemaId, answer.body()).isEqualTo(200);
        JsonNode schemaById = json.readTree(answer.body());
        assertThat(schemaById.path("references")).as("references of schema %d", schemaId).isEmpty();
        Schema schema = new Schema.Parser().parse(schemaById.get("schema").asText());
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null,
                DecoderFactory.get().binaryDecoder(value, HEADER_BYTES, value.length - HEADER_BYTES, null));
        return new Value(schemaId, record);
    }
}
