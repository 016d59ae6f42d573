package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.store.ArticleStore;
import io.newsflow.store.Articles;
import io.newsflow.store.Change;
import io.newsflow.store.Database;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and {@code demo --serve} as their own processes: where they serve, what they answer, SIGTERM. */
class ServeCommandTest {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesAStoreUntilSigterm(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("newsflow.db");
        Database database = Database.of(file.toString());
        database.migrate();
        try (ArticleStore store = new ArticleStore(database)) {
            store.write(List.of(Change.put(Articles.arabic("ar1", 1, "إحالة 771 متهماً إلى المحاكمة"))));
        }
        try (CliProcess serve = CliProcess.start(List.of("serve", "--db", file.toString(), "--port", "0",
                "--set", "bootstrap.servers=" + KafkaTestCluster.shared().bootstrapServers(),
                "--set", "apicurio.registry.url=" + TestRegistry.shared().apiUrl()))) {
            URI web = URI.create(serve.awaitLine(Pattern.compile("^serving (http://127\\.0\\.0\\.1:\\d+/)$"), PATIENCE)
                    .group(1));

            assertThat(get(web.resolve("api/articles?lang=ar")).at("/articles/0/id").asText()).isEqualTo("ar1");
            serve.stop(PATIENCE);
            assertThat(listening(web.getPort())).isFalse();
        }
    }

    @Test
    void refusesAMissingSqliteFile(@TempDir Path tmp) throws Exception {
        try (CliProcess serve = CliProcess.start(List.of("serve", "--db", tmp.resolve("typo.db").toString()))) {
            serve.awaitLine(Pattern.compile("no SQLite database at"), PATIENCE);
            assertThat(serve.awaitExit(PATIENCE)).isEqualTo(2);
        }
    }

    @Test
    void demoServeKeepsTheStackUpAndSaysWhereToConnect(@TempDir Path tmp) throws Exception {
        try (CliProcess demo = CliProcess.start(List.of("demo", "--serve", "--port", "0",
                "--work-dir", tmp.toString(), "../samples"))) {
            URI web = URI.create(demo.awaitLine(Pattern.compile("^serving (http://127\\.0\\.0\\.1:\\d+/)$"), PATIENCE)
                    .group(1));
            Matcher kafka = demo.awaitLine(Pattern.compile("^kafka (127\\.0\\.0\\.1:\\d+)$"), PATIENCE);
            URI registry = URI.create(demo.awaitLine(
                    Pattern.compile("^registry (http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7)$"), PATIENCE).group(1));

            assertThat(get(web.resolve("api/articles")).get("articles")).hasSize(6);
            assertThat(get(URI.create(registry + "/subjects"))).extracting(JsonNode::asText)
                    .contains("news.enriched-value");
            int kafkaPort = Integer.parseInt(kafka.group(1).substring(kafka.group(1).indexOf(':') + 1));
            assertThat(listening(kafkaPort)).isTrue();

            demo.stop(PATIENCE);
            assertThat(listening(web.getPort())).isFalse();
            assertThat(listening(kafkaPort)).as("the broker, a child process, is stopped with the demo").isFalse();
            assertThat(listening(registry.getPort())).as("and so is the registry").isFalse();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
