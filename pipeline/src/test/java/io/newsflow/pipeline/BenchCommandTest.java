package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    /** Each story is fed once in a run, so a corpus too small for the runs asked for is refused before any server starts. */
    @Test
    void refusesACorpusTooSmallForTheRunsAskedFor(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("news.jsonl");
        Files.writeString(corpus, """
                {"id": "a", "lang": "en", "headline": "Port reopens", "body": "The port handled 12 ships."}
                {"id": "b", "lang": "en", "headline": "", "body": "A story without a headline."}
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = NewsPipeline.commandLine().execute("bench", "--corpus", corpus.toString(), "--warmup", "0",
                    "--stories", "1", "--rates", "1", "--seconds", "1", "--work-dir", dir.resolve("work").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("has 1 usable stories, 2 needed (each is fed once)");
        assertThat(dir.resolve("work")).doesNotExist();
    }
}
