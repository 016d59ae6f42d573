package io.newsflow.pipeline;

import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.RawArticle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Publishes story files to news.raw, with a progress line and a final summary. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish story files and directories to news.raw; rejects go to news.rejects.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Story files or directories (read recursively).")
    List<Path> paths;

    @Mixin
    SettingsOptions settings;

    @Override
    public Integer call() {
        IngestSummary summary = IngestRun.ingest(settings.resolve(), paths, new Progress(System.err));
        System.out.println(summary);
        return summary.failed() > 0 ? 1 : 0;
    }

    /** A progress line redrawn in place on a terminal; rejects are always listed with their reason. */
    static final class Progress implements IngestListener {
        private final PrintStream err;
        private final boolean terminal = System.console() != null;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void started(int files) {
            total = files;
        }

        @Override
        public void published(RawArticle article) {
            advance();
        }

        @Override
        public void duplicate(RawArticle article) {
            advance();
        }

        @Override
        public void failed(RawArticle article, Exception cause) {
            advance();
        }

        @Override
        public synchronized void rejected(Rejection rejection) {
            if (terminal) {
                err.print("\r\033[K");
            }
            err.println("rejected " + rejection.source() + ": " + rejection.reason());
            advance();
        }

        private synchronized void advance() {
            int n = done.incrementAndGet();
            if (terminal && (n == total || n % 50 == 0)) {
                int width = 30;
                int filled = total == 0 ? width : (int) ((long) n * width / total);
                err.printf("\r[%s%s] %d/%d stories", "#".repeat(filled), " ".repeat(width - filled), n, total);
                if (n == total) {
                    err.println();
                }
            }
        }
    }
}
