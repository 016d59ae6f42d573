package io.newsflow.pipeline;

import io.newsflow.store.Database;
import io.newsflow.store.query.ArticleFilter;
import io.newsflow.store.query.ArticleQuery;
import io.newsflow.web.WebServer;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The web view and its HTTP API over a store and a running pipeline, until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the stories, the pipeline's stages, dead letters and rejects as web pages and an HTTP API.",
                "Example: serve --db data/demo/newsflow.db --set bootstrap.servers=localhost:9092"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @Option(names = "--db", required = true, paramLabel = "URL_OR_PATH",
            description = "A JDBC URL (jdbc:postgresql://host/db?user=...) or a SQLite file path, as demo prints it.")
    String database;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8088",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the server binds (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() throws Exception {
        // Reached once before serving, so that a mistyped path or an unreachable server is said at once.
        try (ArticleQuery reachable = ArticleQuery.open(database)) {
            reachable.find(ArticleFilter.builder().limit(1).build());
        } catch (SQLException e) {
            System.err.println("serve: " + e.getMessage());
            return 2;
        }
        Database store = Database.of(database);
        try (UntilTerminated running = new UntilTerminated("serve");
             WebServer web = serve(store, settings.resolve(), bind, port)) {
            running.await();
        }
        return 0;
    }

    /** Starts the web view and prints the line that says where it is. */
    static WebServer serve(Database store, Map<String, Object> kafka, String bind, int port) throws Exception {
        WebServer web = WebServer.start(new InetSocketAddress(bind, port), store, kafka);
        System.out.println("serving " + web.uri());
        System.out.flush();
        return web;
    }
}
