package io.newsflow.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every supported format from fixtures written for these tests, and the inputs each must refuse. */
class StoryFormatsTest {

    private static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");

    @Test
    void ninjs1() throws Exception {
        RawArticle article = single("ninjs1-desalination.json", InputFormat.NINJS);

        assertThat(article.getGuid()).isEqualTo("urn:newsflow:test:desalination-plant");
        assertThat(article.getId()).isEqualTo(ArticleIdentity.idFromGuid("urn:newsflow:test:desalination-plant"));
        assertThat(article.getVersion()).isEqualTo(1L);
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getHeadline()).isEqualTo("Coastal desalination plant starts trial run");
        assertThat(article.getBody()).startsWith("A desalination plant").contains("\n\nOperators said it would produce 120,000");
        assertThat(article.getByline()).isEqualTo("Staff reporter");
        assertThat(article.getDateline()).isEqualTo("PORT ELBA");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-04-02T08:00:00Z"));
        assertThat(article.getMetadata()).containsEntry("slugline", "WATER-DESALINATION");
    }

    @Test
    void ninjs2CorrectionKeepsTheIdAndCarriesTheNewerVersion() throws Exception {
        RawArticle first = single("ninjs1-desalination.json", InputFormat.NINJS);
        RawArticle correction = single("ninjs2-desalination-v3.json", InputFormat.NINJS);

        assertThat(correction.getId()).isEqualTo(first.getId());
        assertThat(correction.getVersion()).isEqualTo(3L);
        assertThat(correction.getContentHash()).isNotEqualTo(first.getContentHash());
        assertThat(correction.getHeadline()).isEqualTo("Coastal desalination plant starts trial run, output revised");
        assertThat(correction.getBody()).isEqualTo("A desalination plant on the northern coast began a trial run on "
                + "Wednesday.\n\nOperators said it would produce 150,000 cubic metres of water a day at full capacity.");
        assertThat(correction.getByline()).isEqualTo("Staff reporter");
    }

    @Test
    void newsMlG2NewsItem() throws Exception {
        RawArticle article = single("newsml-election.xml", InputFormat.NEWSML_G2);

        assertThat(article.getGuid()).isEqualTo("urn:newsflow:test:municipal-vote");
        assertThat(article.getVersion()).isEqualTo(2L);
        assertThat(article.getLanguage()).isEqualTo("ar");
        assertThat(article.getHeadline()).isEqualTo("نسبة المشاركة في الانتخابات البلدية تبلغ 48 في المئة");
        assertThat(article.getByline()).isEqualTo("مراسل الشؤون المحلية");
        assertThat(article.getDateline()).isEqualTo("الشارقة");
        assertThat(article.getBody()).isEqualTo("أعلنت اللجنة العليا للانتخابات أن نسبة المشاركة بلغت 48 في المئة "
                + "من أصل 61 ألف ناخب مسجل.\n\nوتنافس 112 مرشحاً على 20 مقعداً في المجلس البلدي.");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-05-11T07:00:00Z"));
    }

    @Test
    void rssItemsAreStoriesAndAnEmptyItemIsRejectedAlone() throws Exception {
        StoryFormats.Parsed parsed = parse("harbour-feed.rss");

        assertThat(parsed.format()).isEqualTo(InputFormat.RSS);
        assertThat(parsed.articles()).extracting(RawArticle::getGuid)
                .containsExactly("harbour-2025-0611-pilots", "harbour-2025-0611-dredging");
        RawArticle pilots = parsed.articles().get(0);
        assertThat(pilots.getBody()).isEqualTo("Harbour pilots agreed a new roster on Wednesday.\n\nThe deal adds 9 pilots to night shifts.");
        assertThat(pilots.getByline()).isEqualTo("Lena Ostrova");
        assertThat(pilots.getSourceUri()).isEqualTo("https://news.example.org/harbour/pilots-roster");
        assertThat(pilots.getPublishedAt()).isEqualTo(Instant.parse("2025-06-11T14:05:00Z"));
        assertThat(pilots.getSource()).isEqualTo("drop/harbour-feed.rss#1");
        assertThat(parsed.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.source()).isEqualTo("drop/harbour-feed.rss#3");
            assertThat(rejection.reason()).startsWith("empty body");
        });
    }

    @Test
    void atomEntriesAreStoriesVersionedByTheirUpdateTime() throws Exception {
        StoryFormats.Parsed parsed = parse("transit-feed.atom");

        assertThat(parsed.format()).isEqualTo(InputFormat.ATOM);
        assertThat(parsed.articles()).hasSize(2);
        RawArticle tram = parsed.articles().get(0);
        assertThat(tram.getGuid()).isEqualTo("urn:newsflow:test:transit:tram-line-4");
        assertThat(tram.getVersion()).isEqualTo(Instant.parse("2025-07-01T09:00:00Z").toEpochMilli());
        assertThat(tram.getBody()).isEqualTo("The 3.2 km extension of tram line 4 opened on Tuesday with 5 new stops.");
        assertThat(tram.getLanguage()).isEqualTo("en");
        assertThat(tram.getSourceUri()).isEqualTo("https://transit.example.org/tram-line-4");
        assertThat(parsed.articles().get(1).getBody()).isEqualTo("Night bus fares will stay at 2 euros until the end of the year.");
    }

    @Test
    void htmlPageKeepsTheArticleAndDropsThePageAroundIt() throws Exception {
        RawArticle article = single("museum-page.html", InputFormat.HTML);

        assertThat(article.getHeadline()).isEqualTo("City museum reopens after two-year renovation");
        assertThat(article.getBody()).isEqualTo("The city museum reopened on Tuesday after a renovation that took two "
                + "years and cost 38 million euros.\n\nIts director said 4,500 visitors had booked tickets for the first week.");
        assertThat(article.getGuid()).isEqualTo("https://gazette.example.org/culture/museum-reopens");
        assertThat(article.getByline()).isEqualTo("Tomas Brandt");
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-08-19T05:00:00Z"));
    }

    @Test
    void scrapedArabicPageLosesItsFurnitureAndKeepsItsFactBoxApart() throws Exception {
        RawArticle article = single("arabic-page.txt", InputFormat.PLAIN_TEXT);

        assertThat(article.getHeadline()).isEqualTo("ارتفاع عدد زوار المكتبة العامة إلى 40 ألفاً");
        assertThat(article.getMetadata()).containsEntry("subheadline", "المكتبة تمدد ساعات العمل في عطلة نهاية الأسبوع")
                .containsEntry("credit", "الإمارات اليوم")
                .containsEntry("tags", "مكتبات، ثقافة، دبي")
                .containsEntry("section.2", "حقائق\n\nتأسست المكتبة عام 1985.\n\nتضم أكثر من 300 ألف كتاب.");
        assertThat(article.getDateline()).isEqualTo("دبي");
        assertThat(article.getBody()).startsWith("قالت إدارة المكتبة العامة")
                .endsWith("أيام الجمعة والسبت.")
                .doesNotContain("صورة", "تويتر", "حقائق", "1985");
    }

    @Test
    void wireDatelineAndCreditMoveToTheirFields() throws Exception {
        RawArticle article = single("wire-english.txt", InputFormat.PLAIN_TEXT);

        assertThat(article.getDateline()).isEqualTo("LONDON, March 3");
        assertThat(article.getMetadata()).containsEntry("credit", "Reuters").containsEntry("tags", "grain, shipping, exports");
        assertThat(article.getBody()).startsWith("Grain exports through the northern ports")
                .endsWith("1.8 million tonnes left the ports during the month.");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        assertThatThrownBy(() -> parse("billion-laughs.xml"))
                .isInstanceOf(RejectedStoryException.class)
                .hasMessageStartingWith("unsafe XML");
    }

    @Test
    void externalEntityIsNeverResolved() {
        assertThatThrownBy(() -> parse("external-entity.xml"))
                .isInstanceOf(RejectedStoryException.class)
                .hasMessageStartingWith("unsafe XML")
                .hasMessageNotContaining("root:");
    }

    @Test
    void malformedInputsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> StoryFormats.parse("drop/cut.xml", "<rss><channel><item>".getBytes(), NOW))
                .isInstanceOf(RejectedStoryException.class).hasMessageStartingWith("malformed XML");
        assertThatThrownBy(() -> StoryFormats.parse("drop/cut.json", "{\"uri\": ".getBytes(), NOW))
                .isInstanceOf(RejectedStoryException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> StoryFormats.parse("drop/odd.xml", "<catalog><book/></catalog>".getBytes(), NOW))
                .isInstanceOf(RejectedStoryException.class).hasMessageStartingWith("unsupported XML document <catalog>");
    }

    private static RawArticle single(String fixture, InputFormat format) throws RejectedStoryException {
        StoryFormats.Parsed parsed = parse(fixture);
        assertThat(parsed.format()).isEqualTo(format);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.articles()).hasSize(1);
        List<RawArticle> articles = parsed.articles();
        return articles.get(0);
    }

    private static StoryFormats.Parsed parse(String fixture) throws RejectedStoryException {
        try (InputStream in = StoryFormatsTest.class.getResourceAsStream("/formats/" + fixture)) {
            return StoryFormats.parse("drop/" + fixture, in.readAllBytes(), NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
