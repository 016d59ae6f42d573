package io.newsflow.schemas;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Registers the pipeline's value schemas under their topics' subjects and makes the registry refuse any change that
 * is not BACKWARD compatible, so a consumer on the new schema can always read what was written with the old one.
 * Speaks the registry's Confluent-compatible API, which any Confluent-style registry also serves.
 */
public final class SchemaRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A look-up is asked on a stream thread that waits for it; registrations can take their time. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ccompatUrl;

    /** @param ccompatUrl the registry's Confluent-compatible API, e.g. {@code http://host:8080/apis/ccompat/v7} */
    public SchemaRegistration(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl.replaceAll("/+$", "");
    }

    /** Derives the ccompat URL from the v3 URL the serdes use. */
    public static SchemaRegistration forRegistryUrl(String registryV3Url) {
        return new SchemaRegistration(registryV3Url.replaceAll("/apis/registry/v3/?$", "") + "/apis/ccompat/v7");
    }

    /** The value schema of each topic that carries Avro records. */
    public static Map<String, Schema> currentValueSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(Topics.RAW, RawArticle.getClassSchema());
        schemas.put(Topics.ENRICHED, EnrichedArticle.getClassSchema());
        schemas.put(Topics.OPS, OpsEvent.getClassSchema());
        return schemas;
    }

    public static String subject(String topic) {
        return topic + "-value";
    }

    public void enforceBackwardCompatibility() {
        send("PUT", "/config", Map.of("compatibility", "BACKWARD"));
    }

    /** Registers every current schema; fails when one is not BACKWARD compatible with what is registered. */
    public void registerAll() {
        currentValueSchemas().forEach((topic, schema) -> register(subject(topic), schema));
    }

    /** @return the schema id the registry gave */
    public int register(String subject, Schema schema) {
        Map<?, ?> answer = send("POST", "/subjects/" + subject + "/versions", Map.of("schema", schema.toString()));
        return ((Number) answer.get("id")).intValue();
    }

    /** Asks whether {@code schema} could be registered as the next version of {@code subject}. */
    public boolean isCompatible(String subject, Schema schema) {
        Map<?, ?> answer = send("POST", "/compatibility/subjects/" + subject + "/versions/latest",
                Map.of("schema", schema.toString()));
        return Boolean.TRUE.equals(answer.get("is_compatible"));
    }

    /**
     * Whether {@code subject} has at least one version: false when the registry answers that it does not know the
     * subject (a registry restarted without its storage, or never set up).
     *
     * @throws IllegalStateException when the registry cannot be reached or answers anything but found / not found
     */
    public boolean isRegistered(String subject) {
        String path = "/subjects/" + subject + "/versions";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ccompatUrl + path))
                    .timeout(LOOKUP_TIMEOUT)
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> true;
                case 404 -> false;
                default -> throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            };
        } catch (IOException e) {
            throw new IllegalStateException("registry unreachable at " + ccompatUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<?, ?> send(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ccompatUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                throw new IncompatibleSchemaException(path + ": " + response.body());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("registry unreachable at " + ccompatUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The registry refused a schema because it breaks compatibility with the registered versions. */
    public static final class IncompatibleSchemaException extends RuntimeException {
        public IncompatibleSchemaException(String message) {
            super(message);
        }
    }
}
