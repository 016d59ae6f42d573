package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    /**
     * A small bench on real corpus stories into SQLite, as its own process (it starts the broker and the Connect
     * worker on its classpath): every section of the report is there, with the stories each stage was fed, rates and
     * times that can be, and the store holding every story fed.
     */
    @Test
    void reportsEachStageOnRealStories(@TempDir Path dir) throws Exception {
        Path corpus = SharedData.require("corpus/news.jsonl");
        Path work = dir.resolve("work");
        String out;
        try (CliProcess bench = CliProcess.start(List.of("bench", "--corpus", corpus.toString(), "--stories", "200",
                "--warmup", "20", "--rates", "20", "--seconds", "3", "--work-dir", work.toString()))) {
            int exit = bench.awaitExit(Duration.ofMinutes(6));
            out = bench.output();
            assertThat(exit).as(out).isZero();
        }

        for (String stage : List.of("plumbing ceiling (pass-through Streams app)", "extraction alone (1 thread)",
                "enrichment app alone (news.raw filled)", "end to end")) {
            String[] row = row(out, stage);
            assertThat(row[1]).as(stage + ": stories").isEqualTo("200");
            assertThat(number(row[3])).as(stage + ": articles/s").isPositive();
            assertThat(number(row[4])).as(stage + ": core-seconds").isPositive();
        }
        for (String ratio : List.of("enrichment app / extraction alone", "enrichment app / plumbing ceiling",
                "end to end / enrichment app", "end to end / extraction alone", "end to end / plumbing ceiling")) {
            assertThat(number(row(out, ratio)[1])).as(ratio).isPositive();
        }

        String[] fast = row(out, "end to end, as fast as it goes");
        String[] offered = row(out, "offered 20 stories/s for 3 s");
        assertThat(fast[1]).isEqualTo("200");
        assertThat(offered[1]).isEqualTo("60");
        for (String[] run : List.of(fast, offered)) {
            assertThat(number(run[4])).isPositive().isLessThanOrEqualTo(number(run[5]));
            assertThat(number(run[5])).isLessThanOrEqualTo(number(run[6]));
        }
        // Offered 20 a second for 3 s, the run cannot end before the last second's stories are handed over.
        assertThat(number(offered[2])).isGreaterThanOrEqualTo(2.0);

        double parts = 0;
        for (String part : List.of("extraction (estimated)", "Kafka and Streams", "sink and database", "registry",
                "the rest")) {
            double seconds = number(row(out, part)[1]);
            assertThat(seconds).as(part).isGreaterThanOrEqualTo(0);
            parts += seconds;
        }
        assertThat(number(row(out, "extraction (estimated)")[1])).isPositive();
        assertThat(number(row(out, "Kafka and Streams")[1])).isPositive();
        assertThat(number(row(out, "sink and database")[1])).isPositive();
        // Each part is printed rounded to a tenth.
        assertThat(parts).isCloseTo(number(row(out, "total (machine busy)")[1]), within(0.3));

        for (String stage : List.of("extraction alone", "plumbing ceiling", "enrichment app alone",
                "end to end and offered loads")) {
            String[] row = rowWith(out, "| this JVM (ingest, enrichment) | " + stage + " |");
            assertThat(number(row[2])).as(stage + ": peak heap").isPositive();
            assertThat(number(row[3])).as(stage + ": peak RSS").isPositive();
        }
        for (String process : List.of("Kafka broker", "Connect worker (sink)", "registry")) {
            assertThat(number(rowWith(out, "| " + process + " | whole run |")[3])).as(process + ": peak RSS")
                    .isPositive();
        }

        // The stages alone's 200 stories, the warm-up's 20, the end-to-end run's 200 and the offered load's 60.
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("newsflow.db"));
             ResultSet count = store.createStatement().executeQuery("SELECT COUNT(*) FROM articles")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(480);
        }
    }

    /** The cells of the report's table row whose first cell is {@code first}. */
    private static String[] row(String report, String first) {
        return rowWith(report, "| " + first + " |");
    }

    private static String[] rowWith(String report, String start) {
        String line = report.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting " + start + " in:\n" + report));
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip)
                .toArray(String[]::new);
    }

    /** The number a cell starts with ("12.5 s", "340 MiB", "0.61"). */
    private static double number(String cell) {
        return Double.parseDouble(cell.split(" ")[0]);
    }

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
