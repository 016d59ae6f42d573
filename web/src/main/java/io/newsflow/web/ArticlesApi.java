package io.newsflow.web;

import com.sun.net.httpserver.HttpExchange;
import io.newsflow.schemas.FigureKind;
import io.newsflow.store.Database;
import io.newsflow.store.query.ArticleFilter;
import io.newsflow.store.query.ArticleMatch;
import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.query.Story;
import io.newsflow.web.WebServer.BadRequestException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/articles} (the {@code query} command's filters, paged) and {@code GET /api/articles/{id}}. */
final class ArticlesApi {

    static final int MAX_LIMIT = 500;
    private static final int DEFAULT_LIMIT = 20;
    private static final Set<String> PARAMETERS = Set.of("entity", "unit", "kind", "min-value", "max-value", "lang",
            "since", "until", "text", "limit", "offset");
    private static final Set<String> KINDS = Arrays.stream(FigureKind.values()).map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new));

    /** One page of matches; {@code next} is the offset of the following page, null on the last one. */
    record Page(List<ArticleMatch> articles, int offset, int limit, Integer next) {
    }

    private final Database database;

    ArticlesApi(Database database) {
        this.database = database;
    }

    void handle(HttpExchange exchange, String rest) throws IOException, SQLException {
        if (rest.isEmpty() || rest.equals("/")) {
            WebServer.send(exchange, 200, find(parameters(exchange.getRequestURI().getRawQuery())));
            return;
        }
        String id = URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
        Optional<Story> story;
        try (ArticleQuery query = ArticleQuery.open(database)) {
            story = query.story(id);
        }
        if (story.isPresent()) {
            WebServer.send(exchange, 200, story.get());
        } else {
            WebServer.send(exchange, 404, WebServer.error("no stored article with id " + id));
        }
    }

    Page find(Map<String, String> parameters) throws SQLException {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadRequestException("unknown parameter '" + name + "'; known: " + String.join(", ",
                        new TreeSet<>(PARAMETERS)));
            }
        }
        String kind = parameters.get("kind");
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind.strip().toUpperCase(Locale.ROOT))) {
            throw new BadRequestException("kind must be one of " + String.join(", ", KINDS) + ": " + kind);
        }
        int limit = parse(parameters, "limit", Integer::valueOf, "a whole number", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        int offset = parse(parameters, "offset", Integer::valueOf, "a whole number", 0);
        ArticleFilter filter;
        try {
            // One more than the page asks for tells whether a next page exists.
            filter = ArticleFilter.builder()
                    .entity(parameters.get("entity")).unit(parameters.get("unit")).kind(kind)
                    .minValue(parse(parameters, "min-value", Double::valueOf, "a number", null))
                    .maxValue(parse(parameters, "max-value", Double::valueOf, "a number", null))
                    .lang(parameters.get("lang"))
                    .since(parse(parameters, "since", LocalDate::parse, "a date YYYY-MM-DD", null))
                    .until(parse(parameters, "until", LocalDate::parse, "a date YYYY-MM-DD", null))
                    .text(parameters.get("text")).limit(limit + 1).offset(offset)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<ArticleMatch> matches;
        try (ArticleQuery query = ArticleQuery.open(database)) {
            matches = query.find(filter);
        }
        boolean more = matches.size() > limit;
        return new Page(more ? matches.subList(0, limit) : matches, offset, limit, more ? offset + limit : null);
    }

    private static <T> T parse(Map<String, String> parameters, String name, Function<String, T> parser, String what,
            T absent) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadRequestException(name + " must be " + what + ": " + value);
        }
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.put(name, value) != null) {
                throw new BadRequestException("parameter '" + name + "' given twice");
            }
        }
        return parameters;
    }
}
