package io.newsflow.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsflow.ingest.RejectedStoryException;
import io.newsflow.ingest.StoryFiles;
import io.newsflow.ingest.StoryType;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /stories}: 202 with the article id once the brokers acknowledged the story, else a 4xx (or 503
 * when the brokers are unreachable) with {@code {"error": reason}}. The checks run cheapest first, so a request
 * without the token or with an unusable declaration is refused before its body is read. Input that reaches the
 * format and size checks is also recorded on the rejects topic like any other source's.
 */
final class PostStoryHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(PostStoryHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BearerToken token;
    private final StoryIntake intake;
    private final int maxStoryBytes;

    private record Answer(int status, ObjectNode body) {
    }

    PostStoryHandler(BearerToken token, StoryIntake intake, int maxStoryBytes) {
        this.token = token;
        this.intake = intake;
        this.maxStoryBytes = maxStoryBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answer(exchange);
            byte[] body = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            log.error("failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e;
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(StoryEndpoint.PATH)) {
            return error(404, "no such resource; stories are posted to " + StoryEndpoint.PATH);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return error(405, "only POST is accepted");
        }
        if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return error(401, "a valid bearer token is required");
        }
        String source = "endpoint client " + exchange.getRemoteAddress().getAddress().getHostAddress();
        StoryType type;
        try {
            type = declaredType(exchange);
        } catch (MediaTypes.UnknownFormatException e) {
            intake.reject(source, e.getMessage());
            return error(415, e.getMessage());
        }
        byte[] story = readBody(exchange);
        if (story == null) {
            String reason = StoryFiles.oversized("more than " + maxStoryBytes + " bytes", maxStoryBytes).getMessage();
            intake.reject(source, reason);
            return error(413, reason);
        }
        List<RawArticle> articles;
        try {
            articles = intake.parse(source, story, type);
        } catch (RejectedStoryException e) {
            return error(400, e.getMessage());
        }
        return publish(articles);
    }

    private Answer publish(List<RawArticle> articles) {
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

    /** The {@code format} query parameter if given, else the {@code Content-Type}. */
    private StoryType declaredType(HttpExchange exchange) throws MediaTypes.UnknownFormatException {
        String named = queryParameter(exchange, "format");
        return named != null
                ? MediaTypes.fromName(named)
                : MediaTypes.fromContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
    }

    /** The body, or {@code null} when it is over the limit; a declared length over it is refused unread. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && Long.parseLong(declared.strip()) > maxStoryBytes) {
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes(maxStoryBytes + 1);
        return body.length > maxStoryBytes ? null : body;
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Answer error(int status, String reason) {
        return new Answer(status, JSON.createObjectNode().put("error", reason));
    }
}
