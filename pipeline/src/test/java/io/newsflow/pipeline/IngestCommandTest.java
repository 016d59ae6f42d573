package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code news-pipeline ingest} in its one-shot and dry-run modes, run in this JVM. */
class IngestCommandTest {

    @TempDir
    Path drop;

    @BeforeAll
    static void startLogging() {
        // Logging starts on first use and keeps the standard output it found then: that must not be a captured one.
        LoggerFactory.getLogger(IngestCommandTest.class);
    }

    @Test
    void dryRunPrintsOnlyJsonLinesAndFailsWhenAnInputWasRejected() throws IOException {
        writeStories();

        InProcessRun run = InProcessRun.of("ingest", "--dry-run", drop.toString());

        assertThat(run.exit()).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("headline").asText()).isEqualTo("Night buses return to Harbour Road");
        assertThat(Instant.parse(lines.get(0).get("receivedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(lines.get(1).get("headline").asText()).isEqualTo("Night buses return to Harbour Road");
        assertThat(lines.get(2).get("rejected").asText()).isEqualTo(drop.resolve("c-blank.txt").toString());
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("empty file: no headline and no body");
    }

    @Test
    void oneShotPrintsTheSummaryLine() throws IOException {
        KafkaTestCluster kafka = KafkaTestCluster.shared();
        // As a user does first: topics and schemas.
        SetupCommand.prepare(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                RegistrySerdes.REGISTRY_URL, TestRegistry.shared().apiUrl()));
        writeStories();

        InProcessRun run = InProcessRun.of("ingest", "--set", "bootstrap.servers=" + kafka.bootstrapServers(),
                "--set", "apicurio.registry.url=" + TestRegistry.shared().apiUrl(), drop.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("read 3, published 1, rejected 1, duplicates 1\n");
    }

    @Test
    void theProgressBarOnATerminalListsRejectsAndFillsWithoutOverflowingOnAFeedFile() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IngestCommand.Progress progress = new IngestCommand.Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true);

        progress.started(2);
        progress.rejected(new Rejection("inbox/blank.txt", "empty file: no headline and no body", Instant.now()));
        for (int item = 0; item < 3; item++) {
            progress.published(null);
        }
        progress.finish();

        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("rejected inbox/blank.txt: empty file: no headline and no body\n");
        String lastDrawn = shown.substring(shown.lastIndexOf('\r') + 1);
        assertThat(lastDrawn).contains("100%", "2/2", "stories: 4").endsWith("\n");
    }

    @Test
    void refusesModesThatDoNotGoTogether() {
        assertThat(InProcessRun.of("ingest").exit()).isEqualTo(2);
        assertThat(InProcessRun.of("ingest", "--watch", drop.toString(), drop.toString()).exit()).isEqualTo(2);
        assertThat(InProcessRun.of("ingest", "--dry-run", "--watch", drop.toString()).exit()).isEqualTo(2);
        assertThat(InProcessRun.of("ingest", "--feed", "file:///etc/hosts").exit()).isEqualTo(2);
        InProcessRun serveWithoutToken = InProcessRun.of("ingest", "--serve");
        assertThat(serveWithoutToken.exit()).isEqualTo(2);
        assertThat(serveWithoutToken.err()).contains("--serve needs --token-file");
    }

    private void writeStories() throws IOException {
        String story = "Night buses return to Harbour Road\n\nRoutes N4 and N7 run every 20 minutes from Friday.\n";
        Files.writeString(drop.resolve("a-buses.txt"), story);
        Files.writeString(drop.resolve("b-buses-again.txt"), story);
        Files.writeString(drop.resolve("c-blank.txt"), " \n");
    }

}
