package io.newsflow.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.format.RejectedStoryException;
import io.newsflow.ingest.StoryFiles;
import io.newsflow.ingest.format.StoryType;
import io.newsflow.schemas.RawArticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /stories}: 202 with the article ids once the brokers acknowledged the stories, else a 4xx (or
 * 503 when the brokers or the registry are unreachable) with {@code {"error": reason}}.
 *
 * <p>The checks run cheapest first on the event loop, so a request without the token or with an unusable
 * declaration is refused before its body is read; parsing and publishing run on the endpoint's pool. A refusal of a
 * client holding the token is also recorded on the rejects topic like any other source's bad input; requests without
 * the token are not recorded, so that nobody else can fill the topic.
 *
 * <p>A request whose framing is malformed ({@code Content-Length} not one decimal number, given twice, a body that
 * does not follow the chunked format) is answered 400, a {@code Transfer-Encoding} other than {@code chunked} 501,
 * and the connection is closed: where such a request's body ends is unknown.
 */
final class PostStoryHandler {

    private static final Logger log = LoggerFactory.getLogger(PostStoryHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Of a body refused before it was read, at most this much more is read and dropped before the connection is
     * closed: closing on unread bytes resets the connection, and a client still sending would lose the answer.
     */
    private static final int DRAIN_BYTES = 64 * 1024;

    private final BearerToken token;
    private final StoryIntake intake;
    private final int maxStoryBytes;
    private final Executor work;

    private record Answer(int status, ObjectNode body) {
    }

    PostStoryHandler(BearerToken token, StoryIntake intake, int maxStoryBytes, Executor work) {
        this.token = token;
        this.intake = intake;
        this.maxStoryBytes = maxStoryBytes;
        this.work = work;
    }

    /** A request whose line and headers parsed. Runs on the event loop. */
    void handle(HttpServerRequest request) {
        try {
            Answer unauthorized = unauthorized(request);
            if (unauthorized != null) {
                answerBeforeBody(request, unauthorized);
                return;
            }
            String source = source(request);
            List<String> codings = request.headers().getAll("Transfer-Encoding");
            if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).strip().equalsIgnoreCase("chunked"))) {
                refuse(request, source, 501, "unsupported Transfer-Encoding: " + String.join(", ", codings)
                        + " (only chunked is accepted)");
                return;
            }
            StoryType type;
            try {
                type = declaredType(request);
            } catch (MediaTypes.UnknownFormatException e) {
                refuse(request, source, 415, e.getMessage());
                return;
            } catch (IllegalArgumentException e) {
                refuse(request, source, 400, "malformed query: " + e.getMessage());
                return;
            }
            String length = request.getHeader("Content-Length");
            if (length != null && Long.parseLong(length.strip()) > maxStoryBytes) {
                refuse(request, source, 413, oversized());
                return;
            }
            readBody(request, source, type);
        } catch (RuntimeException e) {
            log.error("failed to answer {} {}", request.method(), request.uri(), e);
            answerBeforeBody(request, error(500, "internal error: " + e));
        }
    }

    /**
     * A request Netty could not parse ({@code Content-Length: abc}, two lengths, a header line too long). Vert.x
     * closes the connection once it is answered. Its headers are there as far as they were read, so a client with
     * the token gets its refusal recorded.
     */
    void handleInvalid(HttpServerRequest request) {
        String reason = "malformed request: " + request.decoderResult().cause().getMessage();
        if (StoryEndpoint.PATH.equals(request.path()) && request.method() == HttpMethod.POST
                && token.admits(request.getHeader("Authorization"))) {
            record(source(request), reason);
        }
        write(request.response(), error(400, reason));
    }

    /** The refusals that are not recorded: not the resource, not a POST, not a client with the token. */
    private Answer unauthorized(HttpServerRequest request) {
        if (!StoryEndpoint.PATH.equals(request.path())) {
            return error(404, "no such resource; stories are posted to " + StoryEndpoint.PATH);
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            return error(405, "only POST is accepted");
        }
        if (!token.admits(request.getHeader("Authorization"))) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            return error(401, "a valid bearer token is required");
        }
        return null;
    }

    private void readBody(HttpServerRequest request, String source, StoryType type) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxStoryBytes) {
                refused[0] = true;
                refuse(request, source, 413, oversized());
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!refused[0]) {
                refused[0] = true;
                // A malformed chunk or a client gone mid-body: Vert.x closes the connection, so the answer may not
                // reach the client; the record does.
                refuse(request, source, 400, "incomplete request body: " + e.getMessage());
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                answerFromPool(request, () -> publish(source, body.getBytes(), type));
            }
        });
    }

    private Answer publish(String source, byte[] story, StoryType type) {
        List<RawArticle> articles;
        try {
            articles = intake.parse(source, story, type);
        } catch (RejectedStoryException e) {
            return error(400, e.getMessage());
        }
        try {
            List<String> ids = intake.publishAll(articles).get().stream().map(RawArticle::getId).toList();
            ObjectNode body = JSON.createObjectNode().put("id", ids.get(0));
            ids.forEach(body.putArray("ids")::add);
            return new Answer(202, body);
        } catch (ExecutionException e) {
            return error(503, "not published: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "not published: the endpoint is stopping");
        }
    }

    /** Runs {@code task} on the pool, then writes its answer on the request's event loop. */
    private void answerFromPool(HttpServerRequest request, Supplier<Answer> task) {
        Context eventLoop = Vertx.currentContext();
        try {
            work.execute(() -> {
                Answer answer;
                try {
                    answer = task.get();
                } catch (RuntimeException e) {
                    log.error("failed to answer {} {}", request.method(), request.uri(), e);
                    answer = error(500, "internal error: " + e);
                }
                Answer written = answer;
                eventLoop.runOnContext(ignored -> write(request.response(), written));
            });
        } catch (RejectedExecutionException e) {
            write(request.response(), error(503, "not published: the endpoint is stopping"));
        }
    }

    /** Refuses and records the refusal, before or while the body is read. */
    private void refuse(HttpServerRequest request, String source, int status, String reason) {
        record(source, reason);
        answerBeforeBody(request, error(status, reason));
    }

    /** Records on the pool: the producer may block while it looks up the rejects topic. */
    private void record(String source, String reason) {
        try {
            work.execute(() -> intake.reject(source, reason));
        } catch (RejectedExecutionException e) {
            log.warn("not recorded, the endpoint is stopping: {} refused: {}", source, reason);
        }
    }

    /**
     * Answers a request whose body is unread (or read in part) and closes the connection once the answer is out and
     * the client has stopped sending, or has sent {@link #DRAIN_BYTES} more.
     */
    private static void answerBeforeBody(HttpServerRequest request, Answer answer) {
        HttpServerResponse response = request.response().putHeader("Connection", "close");
        Future<Void> written = write(response, answer);
        if (request.isEnded()) {
            written.onComplete(done -> request.connection().close());
            return;
        }
        boolean[] closing = {false};
        long[] drained = {0};
        Runnable close = () -> {
            if (!closing[0]) {
                closing[0] = true;
                written.onComplete(done -> request.connection().close());
            }
        };
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_BYTES) {
                close.run();
            }
        });
        request.endHandler(end -> close.run());
        request.exceptionHandler(e -> close.run());
    }

    private static Future<Void> write(HttpServerResponse response, Answer answer) {
        if (response.ended() || response.closed()) {
            return Future.failedFuture("the connection is closed");
        }
        return response.setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json")
                .end(answer.body().toString());
    }

    /** The {@code format} query parameter if given, else the {@code Content-Type}. */
    private static StoryType declaredType(HttpServerRequest request) throws MediaTypes.UnknownFormatException {
        String named = request.getParam("format");
        return named != null
                ? MediaTypes.fromName(named)
                : MediaTypes.fromContentType(request.getHeader("Content-Type"));
    }

    private static String source(HttpServerRequest request) {
        return "endpoint client " + request.remoteAddress().hostAddress();
    }

    private String oversized() {
        return StoryFiles.oversized("more than " + maxStoryBytes + " bytes", maxStoryBytes).getMessage();
    }

    private static Answer error(int status, String reason) {
        return new Answer(status, JSON.createObjectNode().put("error", reason));
    }
}
