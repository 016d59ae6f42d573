package io.newsflow.extraction.figures;

import static io.newsflow.extraction.figures.FigureAssert.extract;
import static io.newsflow.extraction.figures.FigureAssert.figure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per recognizer for the number forms a reader meets beyond those of {@link FigureRulesTest}: each row is
 * a sentence, the figure's surface, kind, value and unit or currency ({@code -} for none), and the cases that must
 * not become a figure.
 */
class FigureKindsTest {

    private static void expect(String language, String text, String surface, String kind, double value,
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

    @Nested
    class Fractions {

        @ParameterizedTest(name = "{1} → {4}")
        @CsvSource(delimiterString = "|", value = {
            "en | One third of the budget went to schools. | One third | NUMBER | 0.3333333333333333 | -",
            "en | Two-thirds of the members voted. | Two-thirds | NUMBER | 0.6666666666666666 | -",
            "en | He won two-thirds of the vote. | two-thirds | NUMBER | 0.6666666666666666 | -",
            "en | One-quarter of the staff left. | One-quarter | NUMBER | 0.25 | -",
            "en | Prices rose by three fifths. | three fifths | NUMBER | 0.6 | -",
            "en | He paid one and a half million dollars. | one and a half million dollars | MONEY | 1500000 | USD",
            "en | Exports were 2 and a half billion dlrs. | 2 and a half billion dlrs | MONEY | 2.5e9 | USD",
            "en | It was one billion and a quarter million. | one billion and a quarter million | NUMBER | 1000250000 | -",
            "ar | استغرق العمل ساعة ونصف | ساعة ونصف | DURATION | 1.5 | hour",
            "ar | استغرق العمل ساعتين ونصف | ساعتين ونصف | DURATION | 2.5 | hour",
            "ar | استمرت المفاوضات سنة ونصف | سنة ونصف | DURATION | 1.5 | year",
            "ar | بلغت قيمة الصفقة مليارا ونصف المليار دولار | مليارا ونصف المليار دولار | MONEY | 1.5e9 | USD",
            "ar | بلغت الحصة ثلاثة أرباع الإنتاج | ثلاثة أرباع | NUMBER | 0.75 | -",
        })
        void inWords(String language, String text, String surface, String kind, double value, String unit) {
            expect(language, text, surface, kind, value, unit);
        }

        @ParameterizedTest(name = "{1} → {4}")
        @CsvSource(delimiterString = "|", value = {
            "en | The pipe is 3 1/2 inches wide. | 3 1/2 inches | QUANTITY | 3.5 | inch",
            "en | About 3 1/2 mln tonnes were sold. | 3 1/2 mln tonnes | QUANTITY | 3500000 | tonne",
            "en | Shares rose 5 3/4 to 26. | 5 3/4 | NUMBER | 5.75 | -",
            "en | The yield was 7-1/2 pct. | 7-1/2 pct | PERCENT | 7.5 | -",
            "en | It costs $7-1/2. | $7-1/2 | MONEY | 7.5 | USD",
        })
        void mixedNumbers(String language, String text, String surface, String kind, double value, String unit) {
            expect(language, text, surface, kind, value, unit);
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{1} → {4}")
        @CsvSource(delimiterString = "|", value = {
            "en | The answer is forty - one. | forty - one | NUMBER | 41 | -",
            "en | Officials said twenty - five people were hurt. | twenty - five people | COUNT | 25 | person",
            "en | The figure was two millions. | two millions | NUMBER | 2000000 | -",
            "en | Output reached four thousand millions. | four thousand millions | NUMBER | 4e9 | -",
            "en | The minimum capital is five mln dinars. | five mln dinars | MONEY | 5e6 | -",
            "en | It issued three billion dlrs of bonds. | three billion dlrs | MONEY | 3e9 | USD",
            "en | The index rose 1.2E+3 points. | 1.2E+3 points | COUNT | 1200 | point",
            "en | That is 6.02 x 10^23 atoms. | 6.02 x 10^23 atoms | COUNT | 6.02e23 | atom",
        })
        void writtenForms(String language, String text, String surface, String kind, double value, String unit) {
            expect(language, text, surface, kind, value, unit);
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiterString = "|", value = {
            "en | The server at 192.168.0.1 failed.",
            "en | they upgraded to version 2.3.4 last night",
            "ar | العنوان 192.168.0.1",
            "ar | حمل الإصدار 10.2.1 من البرنامج",
        })
        void dottedCodesAreNoFigures(String language, String text) {
            assertThat(extract(text, language, null)).isEmpty();
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = "|", value = {
            "ستقام المباراة في 20 رمضان 1436هـ",
            "ينعقد المؤتمر في الفترة من 20 إلى 21 ربيع الآخر 1437هـ",
            "آخر موعد للتسجيل الأول من محرم عام 1437هـ",
        })
        void hijriDatesAreNoFigures(String text) {
            assertThat(extract(text, "ar", LocalDate.of(2015, 8, 1))).isEmpty();
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiterString = "|", value = {
            "تقام المباراة في 20 أغسطس المقبل | 2015-08-20",
            "أقيمت المباراة في 28 يوليو الماضي | 2015-07-28",
            "افتتح المعرض في 20 أغسطس الماضي | 2014-08-20",
        })
        void dayOfThePublicationMonth(String text, String iso) {
            List<FigureMention> figures = extract(text, "ar", LocalDate.of(2015, 8, 15));
            assertThat(figures).extracting(FigureMention::isoValue).containsExactly(iso);
        }
    }

    @Nested
    class Ratios {

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiterString = "|", value = {
            "en | He saved $100 over 5 years. | $100 | MONEY | 100 | USD",
            "en | The debt of 600 mln dlrs is spread over 10 years. | 600 mln dlrs | MONEY | 6e8 | USD",
            "en | Sales of 1.5 billion over five years. | five years | DURATION | 5 | year",
            "ar | وزعت 300 مليون ريال على 5 سنوات | 5 سنوات | DURATION | 5 | year",
        })
        void noArithmeticAcrossFigures(String language, String text, String surface, String kind, double value,
                                       String unit) {
            expect(language, text, surface, kind, value, unit);
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiterString = "|", value = {
            "en | The score was 3 over 4. | 3 over 4 | NUMBER | 0.75 | -",
            "en | The odds were one in four. | one in four | NUMBER | 0.25 | -",
        })
        void ratiosWrittenOut(String language, String text, String surface, String kind, double value, String unit) {
            expect(language, text, surface, kind, value, unit);
        }
    }

    @Nested
    class Money {

        @ParameterizedTest(name = "{1} → {4} {5}")
        @CsvSource(delimiterString = "|", value = {
            "en | It costs 100 piastres. | 100 piastres | MONEY | 1 | EGP",
            "en | The fee is 50 halalas. | 50 halalas | MONEY | 0.5 | SAR",
            "ar | دفع 300 ريالن | 300 ريالن | MONEY | 300 | SAR",
            "ar | بلغ السعر 50 هللة | 50 هللة | MONEY | 0.5 | SAR",
        })
        void currencyNames(String language, String text, String surface, String kind, double value, String unit) {
            expect(language, text, surface, kind, value, unit);
        }
    }

    @Nested
    class CountedNouns {

        @ParameterizedTest(name = "{1} → {5}")
        @CsvSource(delimiterString = "|", value = {
            "ar | وتضم أسرة واحدة خمسة أفراد | أسرة واحدة | COUNT | 1 | أسرة",
            "ar | تأسست شركة واحدة فقط | شركة واحدة | COUNT | 1 | شركة",
        })
        void singularByAgreement(String language, String text, String surface, String kind, double value,
                                 String unit) {
            expect(language, text, surface, kind, value, unit);
        }
    }
}
