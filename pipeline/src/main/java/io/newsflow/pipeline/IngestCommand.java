package io.newsflow.pipeline;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestOps;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.ingest.source.BearerToken;
import io.newsflow.ingest.source.DryRun;
import io.newsflow.ingest.source.FeedPoller;
import io.newsflow.ingest.source.InboxWatcher;
import io.newsflow.ingest.source.IngestDaemon;
import io.newsflow.ingest.source.StoryEndpoint;
import io.newsflow.ingest.source.StoryIntake;
import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Publishes stories to news.raw: story files once (with a progress bar and a summary), or, until stopped, a watched
 * inbox, polled feeds and an HTTP endpoint, in any combination; or parses files without Kafka ({@code --dry-run}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish stories to news.raw; rejects go to news.rejects.",
                "  ingest PATH...             files and directories (read recursively), once",
                "  ingest --dry-run PATH...   parse only, no Kafka: one JSON line per article or reject "
                        + "(exit status 1 when any input was rejected)",
                "  ingest --watch DIR --feed URL... --serve   run until SIGTERM or Ctrl-C"})
final class IngestCommand implements Callable<Integer> {

    /** A file in the inbox must hold still this long before it is taken. */
    private static final Duration INBOX_SCAN_INTERVAL = Duration.ofSeconds(1);

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Story files or directories (read recursively).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dry-run", description = "Parse the PATHs and print the articles and rejects as JSON lines; "
            + "nothing is sent.")
    boolean dryRun;

    @Option(names = "--watch", paramLabel = "DIR", description = "Publish each file put into DIR, then move it to "
            + "DIR/done, or to DIR/error with a .reason file. Write files under a temporary name (.tmp, .part or a "
            + "leading dot) and rename them, or they are taken once their size held still for a second.")
    Path watch;

    @Option(names = "--feed", paramLabel = "URL", description = "A feed to poll with conditional requests (repeatable).")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Time between the end of one poll of a feed and the next (e.g. 60s, 5m; default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "Connecting to a feed's server (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "A feed's whole response, once requested (default ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = "--max-feed-bytes", paramLabel = "BYTES", defaultValue = "16777216",
            description = "A larger feed response is rejected (default ${DEFAULT-VALUE}).")
    int maxFeedBytes;

    @Option(names = "--monitoring-port", paramLabel = "PORT", defaultValue = "9465",
            description = "With --watch, --feed or --serve: port of /metrics (Prometheus) and /health "
                    + "(default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int monitoringPort;

    @Option(names = "--monitoring-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Address the monitoring port binds (default: ${DEFAULT-VALUE}).")
    String monitoringHost;

    @Option(names = "--serve", description = "Accept stories posted to http://BIND:PORT/stories.")
    boolean serve;

    @Option(names = "--port", defaultValue = "8088", description = "The endpoint's port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the endpoint listens on (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The file holding the bearer token the endpoint's clients must present.")
    Path tokenFile;

    @Mixin
    SettingsOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        boolean longRunning = watch != null || !feeds.isEmpty() || serve;
        if (longRunning == !paths.isEmpty()) {
            throw usage("give either PATHs to ingest once, or --watch, --feed or --serve to run until stopped");
        }
        if (dryRun && longRunning) {
            throw usage("--dry-run reads PATHs only");
        }
        for (URI feed : feeds) {
            if (!List.of("http", "https").contains(String.valueOf(feed.getScheme()).toLowerCase(Locale.ROOT))) {
                throw usage("--feed takes http or https URLs, not " + feed);
            }
        }
        if (serve && tokenFile == null) {
            throw usage("--serve needs --token-file: the endpoint admits only clients with the token");
        }
        if (dryRun) {
            int maxStoryBytes = new IngestConfig(settings.resolve()).maxStoryBytes();
            int rejected = new DryRun(maxStoryBytes, Clock.systemUTC()).run(paths, System.out);
            return rejected > 0 ? 1 : 0;
        }
        if (longRunning) {
            return runUntilStopped();
        }
        Progress progress = new Progress(System.err);
        IngestSummary summary = IngestRun.ingest(settings.resolve(), paths, progress);
        progress.finish();
        System.out.println(summary);
        return summary.failed() > 0 ? 1 : 0;
    }

    /** Starts the sources asked for and returns when SIGTERM (or Ctrl-C) stopped them and flushed the producer. */
    private int runUntilStopped() throws InterruptedException {
        IngestConfig config = new IngestConfig(settings.resolve());
        StoryPublisher publisher = new StoryPublisher(config);
        AtomicReference<String> state = new AtomicReference<>("STARTING");
        // Read once: without a configured id each call names a new random instance.
        String instanceId = config.instanceId();
        IngestOps ops = new IngestOps(instanceId, state::get, Clock.systemUTC());
        StoryIntake intake = new StoryIntake(publisher, Clock.systemUTC(), ops);
        IngestDaemon daemon = new IngestDaemon(publisher);
        OpsPublisher opsReports = OpsPublisher.start(IngestOps.STAGE, instanceId, Topics.OPS,
                config.opsInterval(), ops, config.producerConfigs(), config.serializerConfigs());
        MonitoringEndpoint monitoring = MonitoringEndpoint.open("ingest", monitoringHost, monitoringPort,
                "--monitoring-port", state::get, opsReports::lastPublishedEpochSeconds);
        publisher.bindMetrics(monitoring.registry());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            state.set("STOPPING");
            daemon.close();
            state.set("STOPPED");
            opsReports.close();
            monitoring.close();
            System.out.println("stopped: " + intake.summary());
            stopped.countDown();
        }, "ingest-shutdown"));

        if (watch != null) {
            InboxWatcher watcher = new InboxWatcher(watch, intake, config.maxStoryBytes());
            daemon.every("watch " + watch, INBOX_SCAN_INTERVAL, watcher::scan);
            System.err.println("ingest: watching " + watch.toAbsolutePath());
        }
        HttpClient http = FeedPoller.httpClient(connectTimeout);
        for (URI feed : feeds) {
            FeedPoller poller = new FeedPoller(feed, http, readTimeout, intake, maxFeedBytes);
            daemon.every("feed " + feed, interval, poller::poll);
            System.err.println("ingest: polling " + feed + " every " + interval.toSeconds() + " s");
        }
        if (serve) {
            StoryEndpoint endpoint = StoryEndpoint.start(new InetSocketAddress(bind, port),
                    BearerToken.fromFile(tokenFile), intake, config.maxStoryBytes());
            daemon.serve(endpoint);
            System.err.println("ingest: accepting POST http://" + endpoint.address().getHostString() + ":"
                    + endpoint.address().getPort() + StoryEndpoint.PATH);
        }
        state.set("RUNNING");
        monitoring.port().ifPresent(port -> System.err.println("ingest: /metrics and /health on port " + port));
        stopped.await();
        return 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, or ISO-8601 such as {@code PT90S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                return Duration.parse(value);
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }

    /**
     * A progress bar redrawn in place on a terminal; rejects are always listed with their reason. The bar counts
     * stories against files, so a file holding a feed of many stories fills it early rather than overflowing it.
     */
    static final class Progress implements IngestListener {
        // At most ten redraws a second: a terminal that draws every story slows the run down.
        private static final int REDRAW_MILLIS = 100;

        private final PrintStream err;
        private final boolean terminal;
        private ProgressBar bar;
        private int files;
        private int stories;

        Progress(PrintStream err) {
            this(err, System.console() != null);
        }

        Progress(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public synchronized void started(int files) {
            this.files = files;
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName("files").setInitialMax(files).hideEta()
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(REDRAW_MILLIS)
                        .setConsumer(new DelegatingProgressBarConsumer(this::draw)).build();
            }
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
            // Holding the stream's lock keeps the bar's own thread from redrawing between the erase and the line.
            synchronized (err) {
                if (bar != null) {
                    err.print("\r\033[K");
                }
                err.println("rejected " + rejection.source() + ": " + rejection.reason());
            }
            advance();
        }

        /** Draws the final state, so that the summary starts on a line of its own. */
        synchronized void finish() {
            if (bar != null) {
                bar.close();
                synchronized (err) {
                    bar = null;
                    err.println();
                }
            }
        }

        // The bar's own thread may redraw once more after close(): nothing may follow the final line.
        private void draw(String rendered) {
            synchronized (err) {
                if (bar != null) {
                    err.print("\r" + rendered);
                }
            }
        }

        private synchronized void advance() {
            stories++;
            if (bar != null) {
                bar.stepTo(Math.min(stories, files));
                bar.setExtraMessage("stories: " + stories);
            }
        }
    }
}
