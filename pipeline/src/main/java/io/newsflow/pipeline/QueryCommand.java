package io.newsflow.pipeline;

import io.newsflow.store.query.ArticleFilter;
import io.newsflow.store.query.ArticleMatch;
import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.query.MatchJsonLines;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Finds stored articles; every filter narrows the result (they combine with AND). */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Find stored articles by entity, figure, language, date and words.",
                "Example: query --db data/demo/newsflow.db --entity country:FR --kind COUNT --min-value 100"})
final class QueryCommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Option(names = "--db", required = true, paramLabel = "URL_OR_PATH",
            description = "A JDBC URL (jdbc:postgresql://host/db?user=...) or a SQLite file path, as demo prints it.")
    String database;

    @Option(names = "--entity", paramLabel = "ID_OR_TEXT", description = "A canonical id (country:FR) or the entity's text.")
    String entity;

    @Option(names = "--unit", paramLabel = "NOUN", description = "A counted noun or unit, normalized as extraction does.")
    String unit;

    @Option(names = "--kind", paramLabel = "KIND", description = "A figure kind: COUNT, MONEY, PERCENT, DATE, ...")
    String kind;

    @Option(names = "--min-value", paramLabel = "N", description = "Figures at least N.")
    Double minValue;

    @Option(names = "--max-value", paramLabel = "N", description = "Figures at most N.")
    Double maxValue;

    @Option(names = "--lang", paramLabel = "ar|en")
    String language;

    @Option(names = "--since", paramLabel = "DATE", description = "Published on or after (YYYY-MM-DD).")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "Published on or before (YYYY-MM-DD).")
    LocalDate until;

    @Option(names = "--text", paramLabel = "WORDS", description = "Full-text words in the headline or body.")
    String text;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + ArticleFilter.DEFAULT_LIMIT,
            description = "At most N articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON line per article instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ArticleFilter filter = ArticleFilter.builder()
                .entity(entity).unit(unit).kind(kind).minValue(minValue).maxValue(maxValue)
                .lang(language).since(since).until(until).text(text).limit(limit)
                .build();
        List<ArticleMatch> matches;
        try (ArticleQuery query = ArticleQuery.open(database)) {
            matches = query.find(filter);
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (json) {
            MatchJsonLines.write(matches, out);
        } else {
            out.write(table(matches));
        }
        out.flush();
        return 0;
    }

    /** Date, language, headline, matched entities, matched figures; then a count. */
    static String table(List<ArticleMatch> matches) {
        TextTable table = new TextTable("DATE", "LANG", "HEADLINE", "ENTITIES", "FIGURES");
        for (ArticleMatch match : matches) {
            String entities = match.entities().stream()
                    .map(e -> e.canonicalId() == null ? e.text() : e.text() + " (" + e.canonicalId() + ")")
                    .distinct().collect(Collectors.joining("; "));
            String figures = match.figures().stream().map(ArticleMatch.Figure::text).distinct()
                    .collect(Collectors.joining("; "));
            table.add(match.publishedAt() == null ? "-" : DAY.format(match.publishedAt()),
                    TextTable.cell(match.language(), 4), TextTable.cell(match.headline(), 60),
                    TextTable.cell(entities, 50), TextTable.cell(figures, 50));
        }
        return table.render() + matches.size() + (matches.size() == 1 ? " article" : " articles") + System.lineSeparator();
    }
}
