package io.newsflow.ingest.source;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP endpoint newsrooms POST stories to: {@code POST /stories}. Each request holds a thread until the brokers
 * acknowledged its stories, so the pool size bounds the requests in flight.
 */
public final class StoryEndpoint implements AutoCloseable {

    public static final String PATH = "/stories";
    private static final int THREADS = 8;
    /** Requests being answered get this long to finish when the endpoint stops. */
    private static final int STOP_GRACE_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService threads;

    private StoryEndpoint(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on {@code address} (port 0: any free port) until closed. */
    public static StoryEndpoint start(InetSocketAddress address, BearerToken token, StoryIntake intake,
                                      int maxStoryBytes) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "story-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext(PATH, new PostStoryHandler(token, intake, maxStoryBytes));
        server.setExecutor(threads);
        server.start();
        return new StoryEndpoint(server, threads);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Lets the requests in flight finish (their stories are then acknowledged and answered), then stops listening.
     * New requests meanwhile find no thread and are cut off. JDK 17's {@code HttpServer.stop(delay)} would wait
     * out the whole delay even when idle, hence the pool is drained first.
     */
    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
    }
}
