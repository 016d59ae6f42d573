package io.newsflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.FigureKind;
import io.newsflow.store.ArticleStore;
import io.newsflow.store.Articles;
import io.newsflow.store.Change;
import io.newsflow.store.Database;
import io.newsflow.store.TestDatabase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The article API over a small stored corpus, as an HTTP client sees it; one subclass per database. */
abstract class AbstractArticlesApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabase db;
    private WebServer web;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void storeAndServe() throws Exception {
        db = createDatabase();
        Database database = db.database();
        database.migrate();
        String body = "PARIS - France withdrew 30 soldiers from the border with Egypt's help.";
        EnrichedArticle french = Articles.article("en2", 1, "en", "French troops withdraw", body,
                List.of(located(EntityType.LOCATION, "France", "country:FR", body, "French troops withdraw"),
                        located(EntityType.LOCATION, "Egypt", "country:EG", body, "French troops withdraw")),
                List.of(Articles.figure(FigureKind.COUNT, 30.0, "soldiers", "30 soldiers")));
        french.getArticle().setPublishedAt(Instant.parse("2019-05-01T08:00:00Z"));
        try (ArticleStore store = new ArticleStore(database)) {
            store.write(List.of(
                    Change.put(Articles.english("en1", 1, "Egypt refers 771 defendants to trial")),
                    Change.put(Articles.arabic("ar1", 1, "إحالة 771 متهماً إلى المحاكمة")),
                    Change.put(french)));
        }
        web = WebServer.start(new InetSocketAddress("127.0.0.1", 0), database, null);
    }

    private static io.newsflow.schemas.Entity located(EntityType type, String text, String id, String body,
            String headline) {
        io.newsflow.schemas.Entity entity = Articles.entity(type, text, id, 0.9);
        int start = (headline + "\n\n").length() + body.indexOf(text);
        entity.setStart(start);
        entity.setEnd(start + text.length());
        return entity;
    }

    @AfterEach
    void close() {
        web.close();
        db.close();
    }

    @Test
    void filtersByEntityIdOrTextInEveryLanguage() throws Exception {
        assertThat(ids("entity=country:EG")).containsExactly("en2", "ar1", "en1");
        assertThat(ids("entity=country:FR")).containsExactly("en2");
        assertThat(ids("entity=" + encode("مصر"))).containsExactly("ar1");
    }

    @Test
    void filtersByFigureUnitKindAndValueRange() throws Exception {
        assertThat(ids("unit=" + encode("متهماً"))).containsExactly("ar1");
        assertThat(ids("unit=defendant")).containsExactly("en1");
        assertThat(ids("kind=money")).containsExactly("ar1");
        assertThat(ids("kind=COUNT&min-value=700")).containsExactly("ar1", "en1");
        assertThat(ids("kind=COUNT&max-value=100")).containsExactly("en2");
        assertThat(ids("min-value=10&max-value=50")).containsExactly("en2");
    }

    @Test
    void filtersByLanguageDatesAndWords() throws Exception {
        assertThat(ids("lang=ar")).containsExactly("ar1");
        assertThat(ids("since=2018-01-01")).containsExactly("en2");
        assertThat(ids("until=2017-02-12")).containsExactly("ar1", "en1");
        assertThat(ids("text=defendants+trial")).containsExactly("en1");
        assertThat(ids("text=" + encode("المحاكمة"))).containsExactly("ar1");
        assertThat(ids("entity=country:EG&lang=en&text=troops")).containsExactly("en2");
    }

    @Test
    void pagesNewestFirstWithTheOffsetOfTheNextPage() throws Exception {
        JsonNode first = get("/api/articles?limit=2").body();
        assertThat(ids(first)).containsExactly("en2", "ar1");
        assertThat(first.get("next").asInt()).isEqualTo(2);

        JsonNode last = get("/api/articles?limit=2&offset=2").body();
        assertThat(ids(last)).containsExactly("en1");
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void answersBadParametersWith400AndWhatIsWrong() throws Exception {
        assertBadRequest("min-value=many", "min-value must be a number: many");
        assertBadRequest("since=yesterday", "since must be a date YYYY-MM-DD: yesterday");
        assertBadRequest("kind=LOTS", "kind must be one of");
        assertBadRequest("limit=0", "limit must be between 1 and 500");
        assertBadRequest("offset=-1", "offset must not be negative");
        assertBadRequest("min-value=5&max-value=1", "min value 5.0 is above max value 1.0");
        assertBadRequest("since=2020-01-02&until=2020-01-01", "since 2020-01-02 is after until 2020-01-01");
        assertBadRequest("language=ar", "unknown parameter 'language'");
        assertBadRequest("lang=ar&lang=en", "parameter 'lang' given twice");
    }

    @Test
    void servesOneStoryWithLocatedEntitiesFiguresAndStoriesSharingAnEntity() throws Exception {
        Response response = get("/api/articles/en2");
        JsonNode story = response.body();

        assertThat(response.status()).isEqualTo(200);
        String text = story.get("headline").asText() + "\n\n" + story.get("body").asText();
        assertThat(story.get("entities")).allSatisfy(entity -> assertThat(
                text.substring(entity.get("start").asInt(), entity.get("end").asInt()))
                .isEqualTo(entity.get("text").asText()));
        assertThat(story.get("figures").get(0).get("text").asText()).isEqualTo("30 soldiers");
        List<String> related = new ArrayList<>();
        story.get("related").forEach(r -> related.add(r.get("id").asText() + " " + r.get("sharedId").asText()));
        assertThat(related).containsExactlyInAnyOrder("ar1 country:EG", "en1 country:EG");
    }

    @Test
    void answersAnUnknownStoryWith404() throws Exception {
        Response response = get("/api/articles/" + encode("no such/id"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("error").asText()).isEqualTo("no stored article with id no such/id");
    }

    @Test
    void servesTheOpenApiDocumentDescribingEveryFilter() throws Exception {
        JsonNode parameters = get("/api/openapi.json").body().at("/paths/~1api~1articles/get/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactly("entity", "unit", "kind", "min-value", "max-value", "lang", "since", "until",
                "text", "limit", "offset");
    }

    private void assertBadRequest(String query, String message) throws Exception {
        Response response = get("/api/articles?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.body().get("error").asText()).as(query).contains(message);
    }

    private List<String> ids(String query) throws Exception {
        Response response = get("/api/articles?" + query);
        assertThat(response.status()).as(query).isEqualTo(200);
        return ids(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("articles").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private record Response(int status, JsonNode body) {
    }

    private Response get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(web.uri().resolve(URI.create(path.substring(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), WebServer.JSON.readTree(response.body()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
