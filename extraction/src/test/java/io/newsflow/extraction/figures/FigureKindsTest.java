package io.newsflow.extraction.figures;

import static io.newsflow.extraction.figures.FigureAssert.extract;
import static io.newsflow.extraction.figures.FigureAssert.figure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The number forms a reader meets beyond those of {@link FigureRulesTest}: {@code kinds.psv} holds one table per
 * recognizer (a sentence, the figure's surface, kind, value, and unit or currency), {@code no-figures.psv} the
 * sentences that must yield none; and dates that resolve against a publication day.
 */
class FigureKindsTest {

    @ParameterizedTest(name = "{0}: {3} → {5}")
    @CsvFileSource(resources = "kinds.psv", delimiterString = "|")
    void readsTheFigure(String recognizer, String language, String text, String surface, String kind, double value,
                        String unitOrCurrency) {
        List<FigureMention> figures = extract(text, language, null);
        FigureMention f = figure(figures, surface);
        assertThat(f.kind()).as("kind of %s in %s", surface, figures).isEqualTo(FigureKind.valueOf(kind));
        assertThat(f.value()).as("value of %s", f).isNotNull();
        assertThat(f.value()).as("value of %s", f).isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value))));
        String expected = "-".equals(unitOrCurrency) ? null : unitOrCurrency;
        assertThat(f.kind() == FigureKind.MONEY ? f.currency() : f.unit()).as("unit or currency of %s", f)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "no-figures.psv", delimiterString = "|")
    void dottedCodesHijriDatesAndWordsThatAreNoAmount(String language, String text) {
        assertThat(extract(text, language, LocalDate.of(2015, 8, 1))).isEmpty();
    }

    @Test
    void aHeadlineAmountTakesTheMeasureItsBodyNames() {
        FigureMention headline = figure(extract("السحوبات تتجاوز 67 مليارا\n\nبلغت السحوبات 67 مليار ريال", "ar", null),
                "67 مليارا");
        assertThat(headline.kind()).isEqualTo(FigureKind.MONEY);
        assertThat(headline.currency()).isEqualTo("SAR");
    }

    @Test
    void boundsWrittenHighToLowAreOrdered() {
        FigureMention range = figure(extract("تراوحت الارتفاعات ما بين 9.72% إلى 1.21%", "ar", null),
                "ما بين 9.72% إلى 1.21%");
        assertThat(range.kind()).isEqualTo(FigureKind.RANGE);
        assertThat(range.min()).isEqualTo(1.21);
        assertThat(range.max()).isEqualTo(9.72);
    }

    @Test
    void aMonthListedAfterAnEarlierOneSharesItsYear() {
        List<FigureMention> figures = extract("Initial months will be June, September and December.", "en",
                LocalDate.of(1987, 4, 9));
        assertThat(figures).extracting(FigureMention::isoValue).containsExactly("1987-06", "1987-09", "1987-12");
        assertThat(figure(extract("The plant closed in December.", "en", LocalDate.of(1987, 4, 9)), "December")
                .isoValue()).isEqualTo("1986-12");
        assertThat(extract("Output held at 80 pct in January and December.", "en", LocalDate.of(1987, 4, 9)))
                .extracting(FigureMention::isoValue).containsExactly(null, "1987-01", "1986-12");
    }

    @Test
    void smallBoundsSpelledInWordsAreOneEstimate() {
        FigureMention range = figure(extract("Workers struck for one to two hours at 90 plants.", "en", null),
                "one to two hours");
        assertThat(range.kind()).isEqualTo(FigureKind.RANGE);
        assertThat(range.min()).isEqualTo(1.0);
        assertThat(range.max()).isEqualTo(2.0);
        assertThat(range.unit()).isEqualTo("hour");
        assertThat(extract("The court ruled five to four.", "en", null)).extracting(FigureMention::kind)
                .containsExactly(FigureKind.NUMBER, FigureKind.NUMBER);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = "|", value = {
        "تقام المباراة في 20 أغسطس المقبل | 2015-08-20",
        "أقيمت المباراة في 28 يوليو الماضي | 2015-07-28",
        "افتتح المعرض في 20 أغسطس الماضي | 2014-08-20",
    })
    void aDayOfThePublicationMonthPicksItsYearByTheDay(String text, String iso) {
        List<FigureMention> figures = extract(text, "ar", LocalDate.of(2015, 8, 15));
        assertThat(figures).extracting(FigureMention::isoValue).containsExactly(iso);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiterString = "|", value = {
        "The talks open on the 3rd of May. | 3rd of May | 2015-05-03",
        "The talks open on 3rd May. | 3rd May | 2015-05-03",
        "The talks open on May 3rd. | May 3rd | 2015-05-03",
        "The talks open on the twenty-first of June. | twenty-first of June | 2015-06-21",
    })
    void anEnglishOrdinalDayWithItsMonthIsOneDate(String text, String surface, String iso) {
        FigureMention date = figure(extract(text, "en", LocalDate.of(2015, 5, 1)), surface);
        assertThat(date.kind()).isEqualTo(FigureKind.DATE);
        assertThat(date.isoValue()).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{1} → {3}")
    @CsvSource(delimiterString = "|", value = {
        "ar | تصل الشحنات خلال الفترة من 15 إلى 18 من أغسطس | من 15 إلى 18 من أغسطس | 2015-08-15/2015-08-18",
        "ar | تقام الدورة بين 3 و5 سبتمبر 2016 | بين 3 و5 سبتمبر 2016 | 2016-09-03/2016-09-05",
        "en | The fair runs 15-18 August. | 15-18 August | 2015-08-15/2015-08-18",
        "en | Sales rose in the August 15-18 period. | August 15-18 | 2015-08-15/2015-08-18",
        "en | Dealers sold dollars between June 2 and 13 to meet demand. | between June 2 and 13 | 2015-06-02/2015-06-13",
        "en | The fair runs from March 3 to 9, officials said. | from March 3 to 9 | 2015-03-03/2015-03-09",
        "ar | ارتفع الطلب في الفترة ما بين 5 يونيو و12 منه | ما بين 5 يونيو و12 | 2015-06-05/2015-06-12",
        "ar | تعلن النتائج في النصف الثاني من أغسطس الجاري | أغسطس الجاري | 2015-08",
        "en | Spending was the lowest since October. | October | 2014-10",
        "en | Spending was the lowest since May. | May | 2015-05",
        "en | Fraud grew in the early 1980s. | 1980s | 198",
        "en | Credits rose in the 1987 quarters. | 1987 | 1987",
        "en | In 1987 Chrysler shares rose. | 1987 | 1987",
        "en | Ford Motor Credit on April One will redeem the notes. | April One | 2015-04-01",
        "en | A board meeting will be held March Nine. | March Nine | 2015-03-09",
        "ar | قالت اللجنة في بيان وزعته أول من أمس | أول من أمس | 2015-07-30",
        "ar | اختتمت الفعاليات البارحة الأولى | البارحة الأولى | 2015-07-30",
        "ar | زاد عدد الزوار هذا العام بنسبة كبيرة | هذا العام | 2015",
        "ar | نشرت الدراسة هذا الأسبوع | هذا الأسبوع | 2015-W31",
        "ar | تعود البعثة صباح غد (الأحد) إلى الدمام | الأحد | 2015-08-02",
        "ar | تدرب الفريق أمس (الخميس) على ملعبه | الخميس | 2015-07-30",
        "ar | قال الوزير أمس الثلاثاء إن المحادثات مستمرة | أمس الثلاثاء | 2015-07-28",
        "ar | قال أمس أحد المسؤولين إن المحادثات مستمرة | أمس | 2015-07-31",
        "ar | تستأنف المحكمة جلساتها للإثنين المقبل | للإثنين المقبل | 2015-08-03",
        "ar | تعقد الجلسة في العاشر من شهر أغسطس الجاري | العاشر من شهر أغسطس الجاري | 2015-08-10",
        "ar | تعقد الجلسة يوم الأحد الموافق الخامس من سبتمبر | الخامس من سبتمبر | 2015-09-05",
        "ar | استمرت الأمطار من منتصف يونيو إلى نهاية يوليو | من منتصف يونيو إلى نهاية يوليو | 2015-06/2015-07",
        "en | Output fell from the end of January to the end of March. | from the end of January to the end of March | 2015-01/2015-03",
        "en | The vote is due in december. | december | 2015-12",
        "en | The plant reopens on january 5. | january 5 | 2015-01-05",
        "en | Deliveries resume may 12. | may 12 | 2015-05-12",
        "en | Exports fell in May of last year. | May of last year | 2014-05",
        "en | Prices soared in the nineties. | nineties | 199",
        "en | Rates were higher in the late seventies. | seventies | 197",
        "ar | ازدهرت تجارة اللؤلؤ في الخمسينات | الخمسينات | 195",
        "ar | بدأ المشروع في ثمانينيات القرن الماضي | ثمانينيات | 198",
        "ar | ولد الكاتب في 2/ 8/ 1960 بالقاهرة | 2/ 8/ 1960 | 1960-08-02",
        "en | He was born on 2/ 8/ 1960 in Cairo. | 2/ 8/ 1960 | 1960-02-08",
        "en | Profit fell in the 1986 year ended June 30. | 1986 | 1986",
        "en | Reserves fell during June, July and August 1986. | July | 1986-07",
        "en | The dollars sold in September and October (1986) were bought back. | September | 1986-09",
        "en | The dollars sold in September and October (1986) were bought back. | October (1986) | 1986-10",
        "en | Stocks fell in the week ended April nine to 12 mln barrels. | April nine | 2015-04-09",
        "en | Prices were last changed on March four, traders said. | March four | 2015-03-04",
        "en | The court will sit on May 11 and 12 in Geneva. | 12 | 2015-05-12",
        "en | Hearings were held on March 2, 3 and 4. | 3 | 2015-03-03",
        "en | Hearings were held on March 2, 3 and 4. | 4 | 2015-03-04",
        "en | 'The leaders meet on June 29 and\n30, officials said.' | 30 | 2015-06-30",
        "en | Sales rose in the last month or two. | last month | 2015-07",
        "en | Tenders close on April six at noon. | April six | 2015-04-06",
        "en | 'Pay May one\nRecord April 10' | May one | 2015-05-01",
        "en | The warrants run until September one 2019. | September one 2019 | 2019-09-01",
        "en | Stocks as of 04/09/15 were higher. | 04/09/15 | 2015-04-09",
        "en | Stocks as of 04/09/87 were higher. | 04/09/87 | 1987-04-09",
        "en | Volumes for Feb'14 were higher. | Feb'14 | 2014-02",
        "en | Output in tonnes   Feb 87   Jan 87 | Feb 87 | 1987-02",
        "en | Shipments pick up in the last week of August. | August | 2015-08",
        "ar | فاز المنتخب بالكأس في 2006 ألمانيا ثم في 2014 | 2006 | 2006",
        "ar | افتتح المبنى عام 1998م لخدمة الأحياء | 1998م | 1998",
        "ar | يعقد المؤتمر في 29 / 11 /2015 بالقاهرة | 29 / 11 /2015 | 2015-11-29",
    })
    void periodsOfDaysAndMonthsSinceDecadesAndLowerCaseMonths(String language, String text, String surface, String iso) {
        FigureMention date = figure(extract(text, language, LocalDate.of(2015, 8, 1)), surface);
        assertThat(date.kind()).isEqualTo(FigureKind.DATE);
        assertThat(date.isoValue()).isEqualTo(iso);
    }
}
