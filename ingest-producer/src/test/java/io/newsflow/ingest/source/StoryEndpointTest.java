package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
