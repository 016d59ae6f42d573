package io.newsflow.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.FigureKind;
import io.newsflow.store.Articles;
import io.newsflow.store.TestDatabase;
import io.newsflow.store.ArticleStore;
import io.newsflow.store.Change;
import io.newsflow.store.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query's filters over a small stored corpus; one subclass per database. */
abstract class AbstractArticleQueryTest {

    private TestDatabase db;
    private ArticleQuery query;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void store() throws Exception {
        db = createDatabase();
        Database database = db.database();
        database.migrate();

        EnrichedArticle french = Articles.article("en2", 1, "en", "French troops withdraw from the border",
                "PARIS - France withdrew 30 soldiers, and between 20 and 30 were reported killed in clashes.",
                List.of(Articles.entity(EntityType.LOCATION, "France", "country:FR", 0.99)),
                List.of(Articles.figure(FigureKind.COUNT, 30.0, "soldiers", "30 soldiers"), range(20, 30, "killed")));
        french.getArticle().setPublishedAt(Instant.parse("2019-05-01T08:00:00Z"));
        try (ArticleStore store = new ArticleStore(database)) {
            store.write(List.of(
                    Change.put(Articles.english("en1", 1, "Egypt refers 771 defendants to trial")),
                    Change.put(Articles.arabic("ar1", 1, "إحالة 771 متهماً إلى المحاكمة")),
                    Change.put(french)));
        }
        query = ArticleQuery.open(database);
    }

    @AfterEach
    void close() throws Exception {
        query.close();
        db.close();
    }

    @Test
    void findsACanonicalEntityInEveryLanguageAndShowsOnlyTheMatchingEntities() throws Exception {
        List<ArticleMatch> matches = query.find(ArticleFilter.builder().entity("country:EG").build());

        assertThat(matches).extracting(ArticleMatch::id).containsExactlyInAnyOrder("en1", "ar1");
        assertThat(matches).allSatisfy(m -> assertThat(m.entities()).extracting(ArticleMatch.Entity::canonicalId)
                .containsExactly("country:EG"));
        assertThat(matches).allSatisfy(m -> assertThat(m.figures()).hasSize(2));
    }

    @Test
    void findsAnEntityByItsTextWhateverTheCase() throws Exception {
        assertThat(ids(ArticleFilter.builder().entity("EGYPT"))).containsExactly("en1");
        assertThat(ids(ArticleFilter.builder().entity("مصر"))).containsExactly("ar1");
    }

    @Test
    void findsAUnitFoldedAsExtractionFoldsIt() throws Exception {
        assertThat(ids(ArticleFilter.builder().unit("المتهم"))).containsExactly("ar1");
        assertThat(ids(ArticleFilter.builder().unit("متهماً"))).containsExactly("ar1");
        assertThat(ids(ArticleFilter.builder().unit("Defendants"))).containsExactly("en1");
        assertThat(ids(ArticleFilter.builder().unit("defendant"))).containsExactly("en1");
        assertThat(ids(ArticleFilter.builder().unit("المتهمين"))).containsExactly("ar1");
    }

    @Test
    void figureFiltersMustHoldForTheSameFigure() throws Exception {
        assertThat(ids(ArticleFilter.builder().kind("count").minValue(700.0))).containsExactlyInAnyOrder("en1", "ar1");
        assertThat(ids(ArticleFilter.builder().unit("defendants").maxValue(100.0))).isEmpty();
        assertThat(ids(ArticleFilter.builder().unit("soldiers").minValue(10.0).maxValue(50.0))).containsExactly("en2");
        assertThat(ids(ArticleFilter.builder().kind("MONEY").minValue(1e6))).containsExactly("ar1");
    }

    @Test
    void aRangeMatchesAValueFilterItOverlaps() throws Exception {
        List<ArticleMatch> matches = query.find(ArticleFilter.builder().kind("RANGE").minValue(25.0).maxValue(40.0).build());

        assertThat(matches).extracting(ArticleMatch::id).containsExactly("en2");
        assertThat(matches.get(0).figures()).extracting(ArticleMatch.Figure::text).containsExactly("between 20 and 30");
    }

    @Test
    void filtersByLanguageAndPublicationDay() throws Exception {
        assertThat(ids(ArticleFilter.builder().lang("AR"))).containsExactly("ar1");
        assertThat(ids(ArticleFilter.builder().since(LocalDate.of(2018, 1, 1)))).containsExactly("en2");
        assertThat(ids(ArticleFilter.builder().until(LocalDate.of(2017, 2, 12)))).containsExactlyInAnyOrder("en1", "ar1");
        assertThat(ids(ArticleFilter.builder().since(LocalDate.of(2017, 2, 13)).until(LocalDate.of(2019, 4, 30))))
                .isEmpty();
    }

    @Test
    void findsWordsInHeadlineAndBody() throws Exception {
        assertThat(ids(ArticleFilter.builder().text("defendants trial"))).containsExactly("en1");
        assertThat(ids(ArticleFilter.builder().text("troops border"))).containsExactly("en2");
        assertThat(ids(ArticleFilter.builder().text("المحاكمة"))).containsExactly("ar1");
        assertThat(ids(ArticleFilter.builder().text("defendants France"))).isEmpty();
    }

    @Test
    void combinesFiltersWithAnd() throws Exception {
        assertThat(ids(ArticleFilter.builder().entity("country:EG").lang("en").unit("percent"))).containsExactly("en1");
        assertThat(ids(ArticleFilter.builder().entity("country:EG").lang("en").unit("soldiers"))).isEmpty();
    }

    @Test
    void returnsNewestFirstUpToTheLimit() throws Exception {
        assertThat(ids(ArticleFilter.builder())).first().isEqualTo("en2");
        assertThat(ids(ArticleFilter.builder().limit(1))).containsExactly("en2");
    }

    private List<String> ids(ArticleFilter.Builder filter) throws Exception {
        return query.find(filter.build()).stream().map(ArticleMatch::id).toList();
    }

    private static Figure range(double min, double max, String unit) {
        String text = "between " + (int) min + " and " + (int) max;
        Figure figure = Articles.figure(FigureKind.RANGE, null, unit, text);
        figure.setMin(min);
        figure.setMax(max);
        return figure;
    }
}
