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
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds served on loopback by the test itself, polled into the real broker. */
class FeedPollerTest {

    private static final String STORY = "Ferry timetable changes for winter\n\nThe last sailing leaves at 21:40.\n";
    private static final List<String> ITEMS = List.of(
            item("ferry-101", "Ferry timetable changes for winter", "The last sailing leaves at 21:40."),
            item("ferry-102", "Second ferry berth opens at Old Quay", "Berth 2 takes cars from 1 December."),
            item("ferry-103", "Ferry crews agree new rota", "Crews will work four days on, four off."),
            item("ferry-104", "Ferry notice", ""));
    private static final String LAST_MODIFIED = "Tue, 03 Mar 2026 08:00:00 GMT";
    /** Generous: a 503 on a loaded machine must still come back within it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SourceTestKit kit = SourceTestKit.shared();
    private final Queue<Headers> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    /** How many of {@link #ITEMS} the feed carries now. */
    private final AtomicInteger published = new AtomicInteger(2);
    private HttpServer server;
    private ExecutorService handlers;
    private StoryPublisher publisher;
    private HttpClient http;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ferries.rss", this::conditionalFeed);
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
        URI feed = feed("/ferries.rss");
        FeedPoller poller = new FeedPoller(feed, http, TIMEOUT, kit.intake(publisher), SourceTestKit.STORY_LIMIT);

        assertThat(poller.poll()).isEqualTo(2);
        assertThat(poller.poll()).isZero();
        published.set(4);
        assertThat(poller.poll()).as("only the item added since").isEqualTo(1);

        List<Headers> sent = List.copyOf(requests);
        assertThat(sent.get(0).containsKey("If-None-Match")).isFalse();
        assertThat(sent.get(1).getFirst("If-None-Match")).isEqualTo(etag(2));
        assertThat(sent.get(1).getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(answers).containsExactly(200, 304, 200);
        assertThat(kit.published(article -> article.getSource().startsWith(feed.toString()), 3)).extracting(RawArticle::getGuid)
                .containsExactlyInAnyOrder("ferry-101", "ferry-102", "ferry-103");
        assertThat(kit.rejected(source -> source.startsWith(feed.toString()), 1))
                .containsExactly(Map.entry(feed + "#4", "empty body: the story has a headline only"));
    }

    @Test
    void anHttpErrorAndATimeoutBecomeRejectsAndTheNextPollStillPublishes() throws Exception {
        URI feed = feed("/flaky");
        FeedPoller poller = new FeedPoller(feed, http, TIMEOUT, kit.intake(publisher), SourceTestKit.STORY_LIMIT);

        assertThat(poller.poll()).as("503").isZero();
        assertThat(poller.poll()).as("no answer in time").isZero();
        assertThat(poller.poll()).isEqualTo(1);

        assertThat(kit.rejected(feed.toString()::equals, 2).get(feed.toString()))
                .isEqualTo("HTTP 503 | timed out: no complete response within " + TIMEOUT.toMillis() + " ms");
        assertThat(kit.published(article -> article.getSource().equals(feed.toString()), 1)).hasSize(1);
    }

    private URI feed(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** An RSS feed of the first {@link #published} items, answering 304 to a request that presents its ETag. */
    private void conditionalFeed(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestHeaders());
        int items = published.get();
        if (etag(items).equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            answer(exchange, 304, "application/rss+xml", null);
            return;
        }
        exchange.getResponseHeaders().set("ETag", etag(items));
        exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        answer(exchange, 200, "application/rss+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\"><channel><title>Harbour ferries</title>\n"
                + String.join("\n", ITEMS.subList(0, items)) + "\n</channel></rss>\n");
    }

    private static String etag(int items) {
        return "\"ferries-" + items + "\"";
    }

    private static String item(String guid, String title, String description) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + "<description>" + description + "</description></item>";
    }

    /** 503 first, then too slow, then well. */
    private void flakyFeed(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestHeaders());
        switch (requests.size()) {
            case 1 -> answer(exchange, 503, "text/plain", "");
            case 2 -> {
                try {
                    Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> answer(exchange, 200, "text/plain; charset=utf-8", STORY);
        }
    }

    private void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        answers.add(status);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 304 ? -1 : bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
