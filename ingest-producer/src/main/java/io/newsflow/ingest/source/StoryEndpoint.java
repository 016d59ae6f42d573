package io.newsflow.ingest.source;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint newsrooms POST stories to: {@code POST /stories}.
 *
 * <p>Served by Vert.x (already on the classpath as the registry client's HTTP stack) rather than the JDK's
 * {@code HttpServer}, which answers a request with a malformed {@code Content-Length} or {@code Transfer-Encoding}
 * with an HTML page of its own before any handler runs; here such a request reaches {@link PostStoryHandler}, which
 * answers it in JSON and records it like any other bad post. One event-loop thread does the HTTP; parsing and
 * publishing run on a pool whose size bounds the requests in flight, each holding its thread until the brokers
 * acknowledged its stories.
 */
public final class StoryEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryEndpoint.class);

    public static final String PATH = "/stories";
    private static final int THREADS = 8;
    /** Requests being answered get this long to finish when the endpoint stops. */
    private static final int STOP_GRACE_SECONDS = 5;

    private final Vertx vertx;
    private final HttpServer server;
    private final ExecutorService threads;
    private final InetSocketAddress address;

    private StoryEndpoint(Vertx vertx, HttpServer server, ExecutorService threads, InetSocketAddress address) {
        this.vertx = vertx;
        this.server = server;
        this.threads = threads;
        this.address = address;
    }

    /** Listens on {@code address} (port 0: any free port) until closed. */
    public static StoryEndpoint start(InetSocketAddress address, BearerToken token, StoryIntake intake,
                                      int maxStoryBytes) {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                // Vert.x's own blocking pools stay idle: the work runs on the pool below.
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "story-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        PostStoryHandler handler = new PostStoryHandler(token, intake, maxStoryBytes, threads);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                        .setHost(address.getHostString())
                        .setPort(address.getPort())
                        // HTTP/1.1 only: refusing a request closes its connection, which under HTTP/2 would end
                        // every other stream on it.
                        .setHttp2ClearTextEnabled(false)
                        // As the JDK server did: curl asks before sending a large body.
                        .setHandle100ContinueAutomatically(true))
                .requestHandler(handler::handle)
                .invalidRequestHandler(handler::handleInvalid);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            stop(vertx, threads);
            Throwable cause = e.getCause();
            throw new UncheckedIOException("cannot listen on " + address,
                    cause instanceof IOException io ? io : new BindException(String.valueOf(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(vertx, threads);
            throw new IllegalStateException("interrupted while starting the endpoint on " + address, e);
        }
        return new StoryEndpoint(vertx, server, threads,
                new InetSocketAddress(address.getHostString(), server.actualPort()));
    }

    public InetSocketAddress address() {
        return address;
    }

    /**
     * Lets the requests in flight finish (their stories are then acknowledged and their answers handed to the
     * event loop, which writes them before it closes the connections), then stops listening. Requests arriving
     * meanwhile are answered 503.
     */
    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        await(server.close());
        stop(vertx, threads);
    }

    private static void stop(Vertx vertx, ExecutorService threads) {
        threads.shutdownNow();
        await(vertx.close());
    }

    /** Closing is best effort: a close that fails or hangs leaves nothing this process still needs. */
    private static void await(Future<Void> closing) {
        try {
            closing.toCompletionStage().toCompletableFuture().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the story endpoint did not close cleanly", e);
        }
    }
}
