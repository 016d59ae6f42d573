package io.newsflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web view on the JDK's HTTP server: the article API over the store, the stage reports from {@code news.ops},
 * the dead letters and rejects with replay, the OpenAPI document, and the page (static HTML, CSS and JavaScript
 * that uses only the API).
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css",
            "/api/openapi.json", "openapi.json");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json");

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ArticlesApi articles;
    private final OpsView ops;
    private final FailedRecords failed;

    private WebServer(HttpServer server, ArticlesApi articles, OpsView ops, FailedRecords failed) {
        this.server = server;
        this.articles = articles;
        this.ops = ops;
        this.failed = failed;
        this.handlers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "web-http");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param database the store the sink writes
     * @param kafka {@code bootstrap.servers}, {@code apicurio.registry.url} and any client security settings; null
     *     serves only the stories, and the pipeline and dead-letter views say they have no broker
     */
    public static WebServer start(InetSocketAddress address, Database database, Map<String, Object> kafka)
            throws IOException {
        OpsView ops = kafka == null ? null : OpsView.start(kafka);
        FailedRecords failed = kafka == null ? null : FailedRecords.start(kafka);
        WebServer web = new WebServer(HttpServer.create(address, 0), new ArticlesApi(database), ops, failed);
        web.server.setExecutor(web.handlers);
        web.server.createContext("/", web::handle);
        web.server.start();
        return web;
    }

    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (STATIC.containsKey(path) && method.equals("GET")) {
                serveResource(exchange, STATIC.get(path));
            } else if (path.startsWith("/api/articles") && method.equals("GET")) {
                articles.handle(exchange, path.substring("/api/articles".length()));
            } else if (path.equals("/api/ops") && method.equals("GET")) {
                send(exchange, ops == null ? 503 : 200, ops == null ? error("no broker configured") : ops.snapshot());
            } else if (path.startsWith("/api/failed")) {
                if (failed == null) {
                    send(exchange, 503, error("no broker configured"));
                } else {
                    failed.handle(exchange, method, path.substring("/api/failed".length()));
                }
            } else {
                send(exchange, 404, error("no such resource: " + method + " " + path));
            }
        } catch (BadRequestException e) {
            send(exchange, 400, error(e.getMessage()));
        } catch (Exception e) {
            log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            send(exchange, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private static void serveResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("static/" + name)) {
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        if (ops != null) {
            ops.close();
        }
        if (failed != null) {
            failed.close();
        }
    }

    /** A request the API cannot answer as asked; the message says what to change. */
    static final class BadRequestException extends RuntimeException {
        BadRequestException(String message) {
            super(message);
        }
    }
}
