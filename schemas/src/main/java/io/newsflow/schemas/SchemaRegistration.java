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
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Registers the pipeline's value schemas under their topics' subjects and makes the registry refuse any change that
 * is not BACKWARD compatible, so a consumer on the new schema can always read what was written with the old one.
 * Speaks the registry's Confluent-compatible API, which any Confluent-style registry also serves.
 *
 * <p>This is the only place that registers: the pipeline's writers look their schema up and never register one
 * ({@link RegistrySerdes#config}). Each schema is registered self-contained, every named type it uses written out
 * in it, so that a client that knows nothing but the schema its id names (plain Avro, Confluent's clients) can
 * parse it; a writer that registered its own would put its nested types under subjects of their own, as references
 * such clients do not follow.
 */
public final class SchemaRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A look-up is asked on a stream thread that waits for it; registrations can take their time. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http;
    private final String ccompatUrl;

    /** @param ccompatUrl the registry's Confluent-compatible API, e.g. {@code http://host:8080/apis/ccompat/v7} */
    public SchemaRegistration(String ccompatUrl) {
        this(ccompatUrl, Map.of());
    }

    private SchemaRegistration(String ccompatUrl, Map<String, ?> clientConfigs) {
        this.ccompatUrl = ccompatUrl.replaceAll("/+$", "");
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        RegistryTls.sslContext(clientConfigs).ifPresent(http::sslContext);
        this.http = http.build();
    }

    /** Derives the ccompat URL from the v3 URL the serdes use. */
    public static SchemaRegistration forRegistryUrl(String registryV3Url) {
        return forClientConfig(Map.of(RegistrySerdes.REGISTRY_URL, registryV3Url));
    }

    /**
     * The registry the serdes' settings name ({@code apicurio.registry.url}, the v3 API), trusting the certificates
     * their TLS settings give (see {@link RegistryTls}).
     */
    public static SchemaRegistration forClientConfig(Map<String, ?> serdeConfigs) {
        String registryV3Url = String.valueOf(serdeConfigs.get(RegistrySerdes.REGISTRY_URL));
        return new SchemaRegistration(registryV3Url.replaceAll("/apis/registry/v3/?$", "") + "/apis/ccompat/v7",
                serdeConfigs);
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

    /**
     * Registers every current schema, in a fixed order, so that a registry restarted empty and set up again gives
     * the ids it gave before; fails when one is not BACKWARD compatible with what is registered.
     *
     * @return the schema id of each subject
     */
    public Map<String, Integer> registerAll() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        currentValueSchemas().forEach((topic, schema) -> ids.put(subject(topic), register(subject(topic), schema)));
        return ids;
    }

    /**
     * Registers {@code schema} self-contained (Avro writes a named type out in full where it is first used); a schema
     * already registered under the subject keeps its version and id.
     *
     * @return the schema id the registry gave
     */
    public int register(String subject, Schema schema) {
        Map<?, ?> answer = send("POST", "/subjects/" + subject + "/versions", Map.of("schema", schema.toString()));
        return ((Number) answer.get("id")).intValue();
    }

    /**
     * The id under which {@code schema} is registered as a version of {@code subject}, found by its content as
     * Confluent's serializers find theirs; empty when the subject does not exist or has no version with this schema.
     *
     * @throws IllegalStateException when the registry cannot be reached or answers anything but found / not found
     */
    public Optional<Integer> registeredId(String subject, Schema schema) {
        HttpResponse<String> response = exchange("POST", "/subjects/" + subject, Map.of("schema", schema.toString()),
                LOOKUP_TIMEOUT);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(((Number) parse(response).get("id")).intValue());
            case 404 -> Optional.empty();
            default -> throw refused("POST", "/subjects/" + subject, response);
        };
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
        HttpResponse<String> response = exchange("GET", path, null, LOOKUP_TIMEOUT);
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw refused("GET", path, response);
        };
    }

    private Map<?, ?> send(String method, String path, Object body) {
        HttpResponse<String> response = exchange(method, path, body, WRITE_TIMEOUT);
        if (response.statusCode() == 409) {
            throw new IncompatibleSchemaException(path + ": " + response.body());
        }
        if (response.statusCode() / 100 != 2) {
            throw refused(method, path, response);
        }
        return parse(response);
    }

    private HttpResponse<String> exchange(String method, String path, Object body, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ccompatUrl + path)).timeout(timeout);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("registry unreachable at " + ccompatUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<?, ?> parse(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("the registry answered with something other than JSON: " + response.body(), e);
        }
    }

    private static IllegalStateException refused(String method, String path, HttpResponse<String> response) {
        return new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                + response.body());
    }

    /** The registry refused a schema because it breaks compatibility with the registered versions. */
    public static final class IncompatibleSchemaException extends RuntimeException {
        public IncompatibleSchemaException(String message) {
            super(message);
        }
    }
}
