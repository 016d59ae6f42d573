package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import io.newsflow.testing.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWatcherTest {

    private static final String TRAM_STORY = "Tram line to Old Quay opens on Monday\n\nThe 6 km line has 9 stops.\n";

    private final SourceTestKit kit = SourceTestKit.shared();
    private StoryPublisher publisher;
    private InboxWatcher watcher;

    @TempDir
    Path inbox;

    @BeforeEach
    void watch() {
        publisher = new StoryPublisher(kit.config());
        watcher = new InboxWatcher(inbox, kit.intake(publisher), SourceTestKit.STORY_LIMIT);
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void publishesSettledStoriesIntoDoneAndMovesRejectsIntoErrorWithTheirReason() throws IOException {
        Files.writeString(inbox.resolve("tram.txt"), TRAM_STORY);
        Files.write(inbox.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '\n', '\n', 'b', 'o', 'd', 'y'});
        Files.writeString(inbox.resolve("huge.txt"), "Huge\n" + "x".repeat(SourceTestKit.STORY_LIMIT));
        Files.writeString(inbox.resolve(".tram.txt.swp"), "editor state");
        Files.writeString(inbox.resolve("upload.txt.part"), "Half an upl");

        assertThat(watcher.scan()).as("files seen for the first time are not taken yet").isZero();
        assertThat(watcher.scan()).isEqualTo(3);

        assertThat(inbox.resolve("done/tram.txt")).hasContent(TRAM_STORY);
        assertThat(inbox.resolve("error/latin1.txt")).exists();
        assertThat(inbox.resolve("error/latin1.txt.reason")).hasContent("invalid UTF-8 at byte 3");
        assertThat(Files.readString(inbox.resolve("error/huge.txt.reason"))).startsWith("oversized: 4101 bytes");
        assertThat(inbox.resolve(".tram.txt.swp")).exists();
        assertThat(inbox.resolve("upload.txt.part")).exists();

        assertThat(kit.published(article -> article.getSource().startsWith(inbox.toString()), 1))
                .extracting(RawArticle::getHeadline, RawArticle::getSource)
                .containsExactly(tuple(
                        "Tram line to Old Quay opens on Monday", inbox.resolve("tram.txt").toString()));
        Map<String, String> rejects = kit.rejected(source -> source.startsWith(inbox.toString()), 2);
        assertThat(rejects).containsOnlyKeys(inbox.resolve("latin1.txt").toString(), inbox.resolve("huge.txt").toString());
    }

    @Test
    void publishesAWireStoryHeadlinedWithATickerInAngleBracketsAsText() throws IOException {
        Files.writeString(inbox.resolve("acme-results.txt"),
                "<ACME CORP> 4TH QTR NET\n\nShr 1.12 dlrs vs 98 cts\nNet 4.5 mln vs 3.9 mln\n");

        watcher.scan();
        assertThat(watcher.scan()).isEqualTo(1);

        assertThat(inbox.resolve("done/acme-results.txt")).exists();
        assertThat(inbox.resolve("error")).isEmptyDirectory();
        RawArticle article = kit.published(published -> published.getSource().startsWith(inbox.toString()), 1).get(0);
        assertThat(article.getHeadline()).isEqualTo("<ACME CORP> 4TH QTR NET");
        assertThat(article.getFormat()).isEqualTo(InputFormat.PLAIN_TEXT);
        assertThat(article.getBody()).isEqualTo("Shr 1.12 dlrs vs 98 cts\nNet 4.5 mln vs 3.9 mln");
    }

    @Test
    void keepsAStoryInTheInboxWhileTheRegistryIsUnreachableAndPublishesItOnceItIsBack() throws IOException {
        Map<String, Object> settings = kit.settings();
        URI registry = URI.create((String) settings.get(IngestConfig.REGISTRY_URL_CONFIG));
        try (TcpProxy registryPort = TcpProxy.start(registry.getHost(), registry.getPort())) {
            registryPort.cut();
            settings.put(IngestConfig.REGISTRY_URL_CONFIG, registry.toString()
                    .replace(":" + registry.getPort() + "/", ":" + registryPort.port() + "/"));
            // The resolver's own retries, kept short: each scan waits them out.
            settings.put("apicurio.registry.retry-count", 1);
            settings.put("apicurio.registry.retry-backoff-ms", 100);
            try (StoryPublisher cutOff = new StoryPublisher(new IngestConfig(settings))) {
                InboxWatcher cutOffWatcher = new InboxWatcher(inbox, kit.intake(cutOff), SourceTestKit.STORY_LIMIT);
                Path story = inbox.resolve("ferry.txt");
                Files.writeString(story, "Ferry timetable changes\n\nThe 07:40 ferry leaves at 07:50 from Monday.\n");

                cutOffWatcher.scan();
                assertThat(cutOffWatcher.scan()).as("the registry is unreachable").isZero();
                assertThat(cutOffWatcher.scan()).as("and still is").isZero();
                assertThat(story).exists();
                assertThat(inbox.resolve("error")).isEmptyDirectory();
                assertThat(inbox.resolve("done")).isEmptyDirectory();

                registryPort.restore();
                assertThat(cutOffWatcher.scan()).as("the registry is back").isEqualTo(1);
                assertThat(inbox.resolve("done/ferry.txt")).exists();
                assertThat(kit.published(article -> article.getSource().equals(story.toString()), 1))
                        .extracting(RawArticle::getHeadline).containsExactly("Ferry timetable changes");
            }
        }
    }

    @Test
    void leavesAGrowingFileUntilItHoldsStillAndKeepsARedeliveryUnderANewName() throws IOException {
        Path story = inbox.resolve("tram.txt");
        Files.writeString(story, "Tram line to Old Quay opens on Monday\n");
        watcher.scan();
        Files.writeString(story, "\nThe 6 km line has 9 stops.\n", StandardOpenOption.APPEND);

        assertThat(watcher.scan()).as("the file grew since the last scan").isZero();
        assertThat(watcher.scan()).isEqualTo(1);
        assertThat(inbox.resolve("done/tram.txt")).hasContent(TRAM_STORY);

        Files.writeString(story, TRAM_STORY);
        watcher.scan();
        assertThat(watcher.scan()).isEqualTo(1);
        assertThat(inbox.resolve("done/tram.txt.1")).hasContent(TRAM_STORY);
        List<RawArticle> deliveries = kit.published(article -> article.getSource().equals(story.toString()), 2);
        assertThat(deliveries.get(1).getId()).as("the same story, under the same key").isEqualTo(deliveries.get(0).getId());
    }
}
