package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Rules of the product's output that hold whatever the tagger says: currencies and where names end. */
class ProductRulesTest {

    private static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ar | بلغت قيمة الصفقة 30 مليون دولار و20 مليون يورو.                       | دولار
            ar | تأسست الشركة برأسمال 500 مليون ريال سعودي.                              | ريال
            ar | أسس البنك فرعا برأسمال 200 مليون درهم.                                  | درهم
            ar | ارتفع سعر الدولار الأمريكي مقابل الجنيه المصري والريال السعودي.          | الدولار
            ar | ارتفع سعر الدولار الأمريكي مقابل الجنيه المصري والريال السعودي.          | الجنيه
            ar | وتراجع الجنيه الإسترليني أمام اليورو.                                    | الجنيه الإسترليني
            ar | وبلغ الدين العام 12 مليار دينار كويتي.                                  | دينار
            ar | سجلت الليرة التركية أدنى مستوى لها أمام الدولار.                          | الليرة
            en | The dollar fell against the yen and the euro in Tokyo.                   | euro
            en | Profit was 2.5 mln Saudi riyals, or 700,000 U.S. dollars.                 | riyals
            en | The Euro rose to 1.10 Dollars on Friday.                                 | Euro
            """)
    void currencyWordsAreNeverEntities(String language, String text, String currency) {
        List<EntityMention> mentions = recognizer.recognize(text, language);

        assertThat(mentions).as("%s", mentions).noneMatch(m -> m.text().contains(currency));
    }

    @Test
    void aClubNamedAfterACurrencyStaysAnOrganization() {
        List<EntityMention> mentions = recognizer.recognize("فاز ريال مدريد على ضيفه بثلاثة أهداف.", "ar");

        assertThat(mentions).anyMatch(m -> m.text().equals("ريال مدريد") && m.type() == EntityType.ORGANIZATION);
    }

    @Test
    void theCorpusConventionStillTagsCurrenciesAsAnercorpDoes() {
        List<EntityMention> mentions = recognizer.withConvention(AnnotationConvention.ANERCORP)
                .recognize("بلغت قيمة الصفقة 30 مليون دولار.", "ar");

        assertThat(mentions).anyMatch(m -> m.text().equals("دولار") && m.type() == EntityType.MISC);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            تأسست شركة حديثة برأسمال الشركة الأم في الرياض.          | برأسمال
            وقالت إن شركة حققت بنهاية النصف الأول أرباحا قياسية.      | بنهاية
            وأعلنت مؤسسة جديدة بقيمة المشروع الكبرى عن خطتها.        | بقيمة
            """)
    void anOrganizationDoesNotSwallowTheAmountThatFollowsIt(String text, String stop) {
        for (AnnotationConvention convention : AnnotationConvention.values()) {
            List<EntityMention> mentions = recognizer.withConvention(convention).recognize(text, "ar");

            assertThat(mentions).as("%s: %s", convention, mentions).noneMatch(m -> m.text().contains(stop));
        }
    }

    @Test
    void aCompanyBeforeItsCapitalKeepsItsOwnName() {
        List<EntityMention> mentions = recognizer.recognize(
                "وقعت الشركة السعودية للكهرباء برأسمال 41 مليار ريال اتفاقية جديدة.", "ar");

        assertThat(mentions).extracting(EntityMention::text).contains("الشركة السعودية للكهرباء")
                .noneMatch(t -> t.contains("ريال") || t.contains("برأسمال"));
    }
}
