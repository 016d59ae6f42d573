package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import io.newsflow.testing.TcpProxy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stories POSTed over loopback to the endpoint, published to the real broker. */
class StoryEndpointTest {

    private static final String TOKEN = "s3cret-newsroom-token";
    private static final String STORY = "Library extends opening hours\n\nThe central library opens until 22:00 from May.\n";

    private final SourceTestKit kit = SourceTestKit.shared();
    private final HttpClient http = HttpClient.newHttpClient();
    private StoryPublisher publisher;
    private StoryEndpoint endpoint;

    @BeforeEach
    void start() {
        publisher = new StoryPublisher(kit.config());
        endpoint = StoryEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new BearerToken(TOKEN), kit.intake(publisher), SourceTestKit.STORY_LIMIT);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        publisher.close();
    }

    @Test
    void acceptsAStoryOnceTheBrokerHasItAndAnswersWithItsId() throws Exception {
        HttpResponse<String> response = post("?format=text", "Bearer " + TOKEN, "application/octet-stream", STORY);

        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).get("id").asText();
        RawArticle article = kit.published(published -> published.getId().equals(id), 1).get(0);
        assertThat(article.getSource()).isEqualTo("endpoint client 127.0.0.1");
        assertThat(article.getHeadline()).isEqualTo("Library extends opening hours");
    }

    @Test
    void readsTheFormatTheContentTypeDeclares() throws Exception {
        String ninjs = """
                {"uri": "urn:newsflow:test:pool-2", "version": "2", "headline": "Lido pool reopens after repairs",
                 "body_text": "The 50 m pool reopens on Saturday at 07:00."}
                """;
        HttpResponse<String> response = post("", "Bearer " + TOKEN, "application/ninjs+json", ninjs);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = json(response).get("id").asText();
        RawArticle article = kit.published(published -> published.getId().equals(id), 1).get(0);
        assertThat(article.getGuid()).isEqualTo("urn:newsflow:test:pool-2");
        assertThat(article.getVersion()).isEqualTo(2L);
    }

    @Test
    void aPlainTextPostIsTextEvenWhenItsHeadlineLooksLikeATag() throws Exception {
        String ticker = "<ACME CORP> 4TH QTR NET\n\nShr 1.12 dlrs vs 98 cts\nRevs 61.2 mln vs 55.0 mln\n";
        HttpResponse<String> response = post("", "Bearer " + TOKEN, "text/plain; charset=utf-8", ticker);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = json(response).get("id").asText();
        RawArticle article = kit.published(published -> published.getId().equals(id), 1).get(0);
        assertThat(article.getHeadline()).isEqualTo("<ACME CORP> 4TH QTR NET");
        assertThat(article.getFormat()).isEqualTo(InputFormat.PLAIN_TEXT);
        assertThat(article.getBody()).isEqualTo("Shr 1.12 dlrs vs 98 cts\nRevs 61.2 mln vs 55.0 mln");
    }

    @Test
    void refusesWithTheReason() throws Exception {
        String bearer = "Bearer " + TOKEN;
        assertError(post("", null, "text/plain", STORY), 401, "a valid bearer token is required");
        assertError(post("", "Bearer " + TOKEN.substring(1), "text/plain", STORY), 401, "a valid bearer token is required");
        assertError(post("", bearer, "text/plain", "   \n"), 400, "empty file: no headline and no body");
        assertError(post("", bearer, "text/plain", "x".repeat(SourceTestKit.STORY_LIMIT + 1)), 413,
                "oversized: more than 4096 bytes, over the limit of 4096 (ingest.max.story.bytes)");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(endpoint(""))
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[SourceTestKit.STORY_LIMIT + 1])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertError(chunked, 413, "oversized: more than 4096 bytes, over the limit of 4096 (ingest.max.story.bytes)");
        assertError(post("", bearer, "image/png", STORY), 415, "unsupported content type: image/png");
        assertError(post("?format=pdf", bearer, "text/plain", STORY), 415,
                "unknown format: pdf (known: [atom, html, newsml, newsml_g2, ninjs, plain_text, rss, text])");
        assertThat(kit.rejected(source -> source.equals("endpoint client 127.0.0.1"), 5))
                .as("refused stories are recorded; unauthenticated requests are not").hasSize(1);
    }

    @Test
    void malformedFramingGetsAJsonErrorAndARejectRecord() throws Exception {
        String client = "127.0.0.7";
        String headers = "Authorization: Bearer " + TOKEN + "\r\nContent-Type: text/plain\r\n";
        List<String> lengths = List.of("Content-Length: abc", "Content-Length: -1", "Content-Length: +5",
                "Content-Length: 99999999999999999999", "Content-Length: 5\r\nContent-Length: 6");
        List<String> reasons = List.of(
                "malformed request: Content-Length value is not a number: abc",
                "malformed request: Content-Length value is not a number: -1",
                "malformed request: Content-Length value is not a number: +5",
                "malformed request: Content-Length value is not a number: 99999999999999999999",
                "malformed request: Multiple Content-Length values found: [5, 6]");
        for (int i = 0; i < lengths.size(); i++) {
            RawResponse response = rawRequest(client, "POST", headers + lengths.get(i) + "\r\n", "Hello");
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo(reasons.get(i));
        }
        RawResponse gzip = rawRequest(client, "POST", headers + "Transfer-Encoding: gzip\r\n", "");
        assertThat(gzip.status()).as(gzip.toString()).isEqualTo(501);
        assertThat(gzip.json().get("error").asText())
                .isEqualTo("unsupported Transfer-Encoding: gzip (only chunked is accepted)");

        List<String> recorded = new ArrayList<>(reasons);
        recorded.add("unsupported Transfer-Encoding: gzip (only chunked is accepted)");
        Map<String, String> rejects = kit.rejected(source -> source.equals("endpoint client " + client), recorded.size());
        assertThat(rejects).containsOnlyKeys("endpoint client " + client);
        assertThat(rejects.get("endpoint client " + client).split(" \\| ")).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void aMalformedRequestWithoutTheTokenIsAnsweredButNotRecorded() throws Exception {
        String client = "127.0.0.8";
        RawResponse anonymous = rawRequest(client, "POST", "Content-Length: abc\r\n", "Hello");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(400);
        assertThat(anonymous.json().get("error").asText())
                .isEqualTo("malformed request: Content-Length value is not a number: abc");

        // Records of one client share a partition, and the first request's record would have been handed to the
        // producer before its answer came: once the second is there, the first would be too.
        rawRequest(client, "POST", "Authorization: Bearer " + TOKEN + "\r\nContent-Length: xyz\r\n", "Hello");
        assertThat(kit.rejected(source -> source.equals("endpoint client " + client), 1)).containsExactly(
                Map.entry("endpoint client " + client, "malformed request: Content-Length value is not a number: xyz"));
    }

    @Test
    void aChunkedBodyThatBreaksOffIsRecorded() throws Exception {
        String client = "127.0.0.10";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(client), 0));
            socket.connect(endpoint.address());
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("POST " + StoryEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nHello\r\nzz\r\n").getBytes(StandardCharsets.UTF_8));
            // Vert.x closes the connection at the broken chunk, before any answer can be written.
            assertThat(socket.getInputStream().readAllBytes()).as("the connection is closed, not left hanging").isEmpty();
        }
        assertThat(kit.rejected(source -> source.equals("endpoint client " + client), 1)).containsExactly(
                Map.entry("endpoint client " + client, "incomplete request body: Invalid character in chunk size"));
    }

    @Test
    void answers503WhileTheRegistryIsUnreachable() throws Exception {
        Map<String, Object> settings = kit.settings();
        URI registry = URI.create((String) settings.get(IngestConfig.REGISTRY_URL_CONFIG));
        try (TcpProxy registryPort = TcpProxy.start(registry.getHost(), registry.getPort())) {
            registryPort.cut();
            settings.put(IngestConfig.REGISTRY_URL_CONFIG, registry.toString()
                    .replace(":" + registry.getPort() + "/", ":" + registryPort.port() + "/"));
            settings.put("apicurio.registry.retry-count", 1);
            try (StoryPublisher cutOff = new StoryPublisher(new IngestConfig(settings))) {
                StoryEndpoint cutOffEndpoint = StoryEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        new BearerToken(TOKEN), kit.intake(cutOff), SourceTestKit.STORY_LIMIT);
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + cutOffEndpoint.address().getPort() + StoryEndpoint.PATH))
                            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(STORY)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(json(response).get("error").asText())
                            .startsWith("not published: could not resolve the schema of io.newsflow.schemas.RawArticle");
                } finally {
                    cutOffEndpoint.close();
                }
            }
        }
    }

    @Test
    void aWellFormedRawRequestIsPublished() throws Exception {
        String story = "Ferry timetable changes\n\nThe 07:40 ferry leaves at 07:50 from Monday.\n";
        RawResponse response = rawRequest("127.0.0.9", "POST", "Authorization: Bearer " + TOKEN
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + story.length() + "\r\nConnection: close\r\n", story);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        String id = response.json().get("id").asText();
        assertThat(kit.published(published -> published.getId().equals(id), 1).get(0).getHeadline())
                .isEqualTo("Ferry timetable changes");
    }

    /** One request over a socket of its own from {@code clientAddress}, read until the server closes it. */
    private RawResponse rawRequest(String clientAddress, String method, String headers, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
            socket.connect(endpoint.address());
            socket.setSoTimeout(60_000);
            String request = method + " " + StoryEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            assertThat(headEnd).as("a complete response: %s", response).isPositive();
            List<String> head = List.of(response.substring(0, headEnd).split("\r\n"));
            Map<String, String> fields = new HashMap<>();
            for (String line : head.subList(1, head.size())) {
                String[] field = line.split(":", 2);
                fields.put(field[0].strip().toLowerCase(Locale.ROOT), field[1].strip());
            }
            return new RawResponse(Integer.parseInt(head.get(0).split(" ")[1]), fields, response.substring(headEnd + 4));
        }
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            assertThat(headers).containsEntry("content-type", "application/json");
            return new ObjectMapper().readTree(body);
        }
    }

    private HttpResponse<String> post(String query, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(query)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI endpoint(String query) {
        return URI.create("http://127.0.0.1:" + endpoint.address().getPort() + StoryEndpoint.PATH + query);
    }

    private static void assertError(HttpResponse<String> response, int status, String reason) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).isEqualTo(reason);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return new ObjectMapper().readTree(response.body());
    }
}
