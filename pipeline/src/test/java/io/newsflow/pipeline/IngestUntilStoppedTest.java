package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code news-pipeline ingest --watch --feed --serve} as its own process, the way the compose stack runs it: every
 * source delivers, and SIGTERM stops it cleanly with the totals.
 */
class IngestUntilStoppedTest {

    private static final Pattern ENDPOINT = Pattern.compile("accepting POST (http://[^ ]+)");
    private static final String ETAG = "\"seawall-1\"";
    private static final String INSTANCE = "harbour-ingest-1";

    @TempDir
    Path work;

    private final Queue<String> feedAnswers = new ConcurrentLinkedQueue<>();
    private HttpServer feedServer;
    private CliProcess ingest;

    @AfterEach
    void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (feedServer != null) {
            feedServer.stop(0);
        }
    }

    @Test
    void takesStoriesFromTheInboxAFeedAndTheEndpointAndStopsOnSigterm() throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.shared();
        // As a user does first: topics and schemas.
        SetupCommand.prepare(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                RegistrySerdes.REGISTRY_URL, TestRegistry.shared().apiUrl()));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path token = Files.writeString(work.resolve("token"), "harbour-desk-token\n");
        URI feed = serveFeed();

        ingest = CliProcess.start(List.of("ingest", "--watch", inbox.toString(),
                "--feed", feed.toString(), "--interval", "1s", "--serve", "--port", "0", "--token-file", token.toString(),
                "--monitoring-port", "0", "--monitoring-host", "127.0.0.1",
                "--set", "bootstrap.servers=" + kafka.bootstrapServers(),
                "--set", "apicurio.registry.url=" + TestRegistry.shared().apiUrl(),
                "--set", "ingest.instance.id=" + INSTANCE, "--set", "ingest.ops.interval.ms=500"));
        URI endpoint = URI.create(ingest.awaitLine(ENDPOINT, Duration.ofMinutes(2)).group(1));
        assertThat(endpoint.getHost()).as("bound to loopback unless told otherwise").isEqualTo("127.0.0.1");

        Path upload = Files.writeString(inbox.resolve("seawall.txt.part"),
                "Seawall repairs finish early\n\nThe 300 m wall reopened to walkers on Sunday.\n");
        Files.move(upload, inbox.resolve("seawall.txt"), StandardCopyOption.ATOMIC_MOVE);
        Files.write(inbox.resolve("garbled.txt"), new byte[] {'O', 'o', 'p', 's', (byte) 0xC3, '\n'});
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer harbour-desk-token").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Ferry fares frozen\n\nFares stay at 2.40 until 2027.\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inbox.resolve("done/seawall.txt")).exists();
            assertThat(inbox.resolve("error/garbled.txt.reason")).hasContent("invalid UTF-8 at byte 4");
            assertThat(feedAnswers).startsWith("200", "304");
        });

        ingest.stop(Duration.ofSeconds(30));
        assertThat(ingest.output().lines()).contains("stopped: read 4, published 3, rejected 1, duplicates 0");

        // Its last report on news.ops says the same, with the state it stopped in.
        OpsEvent last = OpsReports.last(kafka.bootstrapServers(), TestRegistry.shared().apiUrl(), "ingest/" + INSTANCE)
                .orElseThrow(() -> new AssertionError("no report keyed ingest/" + INSTANCE + " on " + Topics.OPS));
        assertThat(last.getStage()).isEqualTo("ingest");
        assertThat(last.getState()).isEqualTo("STOPPED");
        assertThat(last.getRecordsIn()).isEqualTo(4);
        assertThat(last.getRecordsOut()).isEqualTo(3);
        assertThat(last.getDeadLettered()).isEqualTo(1);
        assertThat(last.getLastError()).contains("garbled.txt").contains("invalid UTF-8");
    }

    /** A one-story feed that answers 304 to a request presenting its ETag. */
    private URI serveFeed() throws IOException {
        feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feedServer.createContext("/harbour.txt", (HttpExchange exchange) -> {
            if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                feedAnswers.add("304");
                exchange.sendResponseHeaders(304, -1);
            } else {
                feedAnswers.add("200");
                byte[] story = "Harbour dredging begins\n\nDredgers will work nights for 5 weeks.\n"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("ETag", ETAG);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, story.length);
                exchange.getResponseBody().write(story);
            }
            exchange.close();
        });
        feedServer.start();
        return URI.create("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/harbour.txt");
    }
}
