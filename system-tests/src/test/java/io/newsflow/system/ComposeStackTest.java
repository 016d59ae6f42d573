package io.newsflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The deployment the README documents, {@code docker-compose.yml}, started through Testcontainers: a story dropped
 * into the ingest service's inbox must arrive as a row in the compose stack's PostgreSQL with its figure, and
 * Prometheus must be scraping every stage. Runs with {@code -Pcompose} where a Docker engine answers; skipped with
 * the reason otherwise.
 */
class ComposeStackTest {

    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aStoryDroppedIntoTheInboxIsStoredAndEveryStageIsScraped() throws Exception {
        assumeTrue(Boolean.getBoolean("newsflow.compose"),
                "the docker-compose check runs only with -Pcompose (it builds the image and pulls the stack's images)");
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "-Pcompose was given but no Docker engine answers here: the docker-compose check is skipped");

        ComposeContainer compose = new ComposeContainer(ROOT.resolve("docker-compose.yml").toFile())
                .withLocalCompose(true)
                .withBuild(true)
                .withExposedService("postgres", 5432, Wait.forHealthcheck().withStartupTimeout(WAIT))
                .withExposedService("connect", 8083, Wait.forHealthcheck().withStartupTimeout(WAIT))
                .withExposedService("prometheus", 9090, Wait.forHttp("/-/ready").withStartupTimeout(WAIT));
        Path story = ROOT.resolve("inbox").resolve("compose-check-" + UUID.randomUUID() + ".txt");
        String headline = "Compose check " + story.getFileName() + ": Egypt refers 771 defendants to trial";
        compose.start();
        try {
            Files.createDirectories(story.getParent());
            Files.writeString(story, headline + "\n\nCAIRO - Egypt's public prosecutor referred 771 defendants to a "
                    + "criminal court on Sunday, judicial sources said.\n");

            String jdbc = "jdbc:postgresql://" + compose.getServiceHost("postgres", 5432) + ":"
                    + compose.getServicePort("postgres", 5432) + "/newsflow";
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(storedFigureValues(jdbc, headline)).contains(771.0));

            String prometheus = "http://" + compose.getServiceHost("prometheus", 9090) + ":"
                    + compose.getServicePort("prometheus", 9090);
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(5)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(jobsUp(prometheus)).contains("enrichment", "ingest", "connect"));
        } finally {
            Files.deleteIfExists(story);
            compose.stop();
        }
    }

    private static Set<Double> storedFigureValues(String jdbc, String headline) throws Exception {
        String password = System.getenv().getOrDefault("NEWSFLOW_DB_PASSWORD", "newsflow");
        Set<Double> values = new HashSet<>();
        try (Connection db = DriverManager.getConnection(jdbc, "newsflow", password);
             PreparedStatement statement = db.prepareStatement("SELECT f.value FROM articles a JOIN article_figures f "
                     + "ON f.article_id = a.id WHERE a.headline = ?")) {
            statement.setString(1, headline);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getDouble(1));
                }
            }
        }
        return values;
    }

    /** The scrape jobs whose every target Prometheus reached on its last scrape. */
    private static Set<String> jobsUp(String prometheus) throws Exception {
        URI query = URI.create(prometheus + "/api/v1/query?query=" + URLEncoder.encode("min by (job) (up)",
                StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(query).build(),
                HttpResponse.BodyHandlers.ofString());
        Set<String> up = new HashSet<>();
        for (JsonNode series : new ObjectMapper().readTree(response.body()).path("data").path("result")) {
            if ("1".equals(series.path("value").path(1).asText())) {
                up.add(series.path("metric").path("job").asText());
            }
        }
        return up;
    }
}
