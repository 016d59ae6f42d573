package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds served on loopback by the test itself, polled into the real broker. */
class FeedPollerTest {

    private static final String STORY = "Ferry timetable changes for winter\n\nThe last sailing leaves at 21:40.\n";
    private static final String ETAG = "\"winter-1\"";
    private static final String LAST_MODIFIED = "Tue, 03 Mar 2026 08:00:00 GMT";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final SourceTestKit kit = SourceTestKit.shared();
    private final Queue<Headers> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private ExecutorService handlers;
    private StoryPublisher publisher;
    private HttpClient http;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ferries", this::conditionalFeed);
        server.createContext("/flaky", this::flakyFeed);
        // The slow answer must not hold up the next request.
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        publisher = new StoryPublisher(kit.config());
        http = FeedPoller.httpClient(TIMEOUT);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
        publisher.close();
    }

    @Test
    void aSecondPollSendsTheValidatorsGetsNotModifiedAndPublishesNothing() throws Exception {
        URI feed = feed("/ferries");
        FeedPoller poller = new FeedPoller(feed, http, TIMEOUT, kit.intake(publisher), SourceTestKit.STORY_LIMIT);

        assertThat(poller.poll()).isEqualTo(1);
        assertThat(poller.poll()).isZero();

        List<Headers> sent = List.copyOf(requests);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).containsKey("If-None-Match")).isFalse();
        assertThat(sent.get(1).getFirst("If-None-Match")).isEqualTo(ETAG);
        assertThat(sent.get(1).getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(answers).containsExactly(200, 304);
        assertThat(kit.published(feed.toString()::equals, 1)).extracting(RawArticle::getHeadline)
                .containsExactly("Ferry timetable changes for winter");
    }

    @Test
    void anHttpErrorAndATimeoutBecomeRejectsAndTheNextPollStillPublishes() throws Exception {
        URI feed = feed("/flaky");
        FeedPoller poller = new FeedPoller(feed, http, TIMEOUT, kit.intake(publisher), SourceTestKit.STORY_LIMIT);

        assertThat(poller.poll()).as("503").isZero();
        assertThat(poller.poll()).as("no answer in time").isZero();
        assertThat(poller.poll()).isEqualTo(1);

        assertThat(kit.rejected(feed.toString()::equals, 2).get(feed.toString()))
                .isEqualTo("HTTP 503 | timed out: no complete response within 500 ms");
        assertThat(kit.published(feed.toString()::equals, 1)).hasSize(1);
    }

    private URI feed(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers with validators, and 304 to a request that presents them. */
    private void conditionalFeed(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestHeaders());
        if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            answer(exchange, 304, null);
            return;
        }
        exchange.getResponseHeaders().set("ETag", ETAG);
        exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        answer(exchange, 200, STORY);
    }

    /** 503 first, then too slow, then well. */
    private void flakyFeed(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestHeaders());
        switch (requests.size()) {
            case 1 -> answer(exchange, 503, "");
            case 2 -> {
                try {
                    Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> answer(exchange, 200, STORY.replace("21:40", "22:10"));
        }
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        answers.add(status);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 304 ? -1 : bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
