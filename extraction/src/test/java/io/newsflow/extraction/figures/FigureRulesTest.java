package io.newsflow.extraction.figures;

import static io.newsflow.extraction.figures.FigureAssert.ar;
import static io.newsflow.extraction.figures.FigureAssert.assertFigure;
import static io.newsflow.extraction.figures.FigureAssert.en;
import static io.newsflow.extraction.figures.FigureAssert.extract;
import static io.newsflow.extraction.figures.FigureAssert.figure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One nested class per rule family, each with cases written for this project and the cases that must not fire. */
class FigureRulesTest {

    @Nested
    class Digits {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiterString = "|", value = {
            "بلغ عدد الزوار 1,250 | 1250",
            "بلغ عدد الزوار ١٬٢٥٠ | 1250",
            "بلغ عدد الزوار ٣٫٤٥٠٫٠٠٠ | 3450000",
            "ارتفع المؤشر 2.5 | 2.5",
            "ارتفع المؤشر ٢٫٥ | 2.5",
            "ارتفع المؤشر ۳۴ | 34",
            "the index rose 1,674,200.5 | 1674200.5",
            "a population of 1 414 021 100 | 1414021100",
            "وباعت الشركة 5ر47 | 47.5",
            "the ratio was 3/4 | 0.75",
            "بلغت الصادرات 25.\u200F48 | 48.25",
            "بلغت الجوائز 500.\u200F250.\u200F2 | 2250500",
        })
        void readsDigitsInEveryScriptWithTheirSeparators(String text, double value) {
            List<FigureMention> figures = text.matches(".*[a-z].*") ? en(text) : ar(text);
            assertThat(figures).hasSize(1);
            assertThat(figures.get(0).value()).isEqualTo(value);
        }

        @Test
        void commasWithoutSpacesCanListNumbers() {
            List<FigureMention> figures = en("the values 12,14,16");
            assertThat(figures).extracting(FigureMention::value).containsExactly(12.0, 14.0, 16.0);
        }

        @Test
        void aMinusGluedToDigitsIsASignButABulletDashIsNot() {
            assertThat(en("the balance was -1.2 at the close").get(0).value()).isEqualTo(-1.2);
            assertThat(ar("- 549\n\nطفلاً أنقذتهم الحملة").get(0).value()).isEqualTo(549.0);
        }
    }

    @Nested
    class ArabicWords {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiterString = "|", value = {
            "ثلاثة | 3", "اربعه | 4", "إحدى عشرة | 11", "اثنا عشر | 12", "خمسة عشر | 15", "عشرون | 20",
            "خمسة وعشرون | 25", "واحد و عشرون | 21", "مائة | 100", "مئتان | 200", "مائتين | 200",
            "ثلاثمائة | 300", "ثلاث مئة | 300", "تسعمئة وتسعة وتسعون | 999", "ألف | 1000", "ألفين | 2000",
            "ثلاثة آلاف | 3000", "خمسة وعشرون ألفا | 25000", "ألف وخمسمائة | 1500", "مليون | 1000000",
            "مليونين | 2000000", "ثلاثة ملايين | 3000000", "مليارين و480 مليون | 2480000000",
            "أربعة ألف و ثلاثمائة و واحد و عشرون | 4321", "مائة ألف | 100000", "سبعمية | 700",
            "ستاشر | 16", "واحد ونصف | 1.5", "ثلاثة أرباع | 0.75", "مليون ونصف | 1500000",
            "نصف مليون | 500000", "واحد على ثلاثة | 0.3333333333333333", "100 الف | 100000",
            "1.5 مليون | 1500000", "سالب خمسة | -5", "ألف ملايين | 1000000000", "مائتان وعشرة | 210",
            "ألف وعشر | 1010", "خمس تلاف | 5000", "دزينتين | 24", "أربعة ونصف مليون | 4500000", "ألفي جندي | 2000",
        })
        void composesTheWholeGrammar(String text, double value) {
            List<FigureMention> figures = ar(text);
            assertThat(figures).as("%s", figures).hasSize(1);
            assertThat(figures.get(0).value()).isEqualTo(value);
            assertThat(figures.get(0).text()).isEqualTo(text);
        }

        @Test
        void thumunIsAnEighthOnlyWithItsDammaOrBeforeAMeasure() {
            assertThat(ar("وزعت عليهم ثمن المساحة المزروعة").get(0).value()).isEqualTo(0.125);
            assertThat(ar("للزوجة ثمن التركة").get(0).value()).isEqualTo(0.125);
            assertThat(ar("قطع العداء ثُمن المسافة").get(0).value()).isEqualTo(0.125);
            assertThat(ar("ارتفع ثمن الخبز")).isEmpty();
            assertThat(ar("دفعوا ثمن الحرية")).isEmpty();
            assertThat(ar("لن نقبل بأي ثمن")).isEmpty();
        }

        @Test
        void aPartBeforeTheFinalNamesAKnockoutRound() {
            assertThat(ar("تأهل الفريق إلى نصف النهائي")).isEmpty();
            assertThat(ar("خرج المنتخب من الدور ربع النهائي")).isEmpty();
            assertThat(ar("يلعب في ذهاب ربع نهائي البطولة")).isEmpty();
            assertThat(ar("بلغ ثمن النهائي للمرة")).extracting(FigureMention::kind).doesNotContain(FigureKind.NUMBER);
            assertThat(ar("أنفق نصف الميزانية").get(0).value()).isEqualTo(0.5);
        }

        @Test
        void aPartOfAPowerOfTenIsThatPartOfOne() {
            FigureMention ppm = ar("بلغ تركيز الرصاص جزء من المليون في العينات").get(0);
            assertThat(ppm.text()).isEqualTo("جزء من المليون");
            assertThat(ppm.value()).isEqualTo(1e-6);
            assertThat(ar("تأخر بمقدار جزء من ألف.").get(0).value()).isEqualTo(1e-3);
            FigureMention sum = ar("أنفقت البلدية جزء من مليون دينار").get(0);
            assertThat(sum.text()).isEqualTo("مليون دينار");
            assertThat(ar("خسر جزء من خمسة")).extracting(FigureMention::value).containsExactly(5.0);
        }

        @Test
        void aConstructDualCountsOnlyWithItsNounAfterIt() {
            assertThat(ar("وقال المخرج سامي الفي إن العرض ناجح")).isEmpty();
            assertThat(ar("أكد ألفي على ذلك")).isEmpty();
        }

        @Test
        void twoUnitsInARowAreTwoNumbers() {
            assertThat(ar("ثلاثة وخمسة")).extracting(FigureMention::value).containsExactly(3.0, 5.0);
        }

        @Test
        void aConjunctionGluedToTheNumberStaysOutOfItsText() {
            FigureMention f = ar("وصل خبيران وثلاثة مهندسين").get(1);
            assertThat(f.text()).isEqualTo("ثلاثة مهندسين");
            assertThat(f.value()).isEqualTo(3.0);
        }
    }

    @Nested
    class EnglishWords {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiterString = "|", value = {
            "twenty-five | 25", "three hundred | 300", "seven hundred twenty-one thousand and twelve | 721012",
            "half a million | 500000", "one and a half | 1.5", "two point five | 2.5", "a dozen | 12",
            "2.5 mln | 2500000", "3 billion | 3000000000", "minus three | -3", "forty two and a third | 42.333333333333336",
        })
        void composesWordsAndScales(String text, double value) {
            List<FigureMention> figures = en(text);
            assertThat(figures).as("%s", figures).hasSize(1);
            assertThat(figures.get(0).value()).isEqualTo(value);
        }

        @Test
        void aScaleJoinedToItsDigitsByAHyphenIsPartOfTheNumberEvenAcrossALineBreak() {
            FigureMention wrapped = en("They agreed a 2.1-\nbillion-dlr buyout.").get(0);
            assertThat(wrapped.kind()).isEqualTo(FigureKind.MONEY);
            assertThat(wrapped.value()).isEqualTo(2.1e9);
            assertThat(en("The score was 3-1 at half time")).extracting(FigureMention::value).containsExactly(3.0, 1.0);
        }

        @Test
        void oneAsAPronounIsNotAFigure() {
            assertThat(en("one of the ministers said no one was hurt")).isEmpty();
            assertThat(en("one dealer in Tokyo said")).isEmpty();
        }

        @Test
        void oneBeforeAPercentOrAUnitIsNoSpeakerBeforeTheVerbOfSaying() {
            assertFigure(en("only one pct of the voters said so").get(0), FigureKind.PERCENT, 1.0, null, null);
            assertThat(en("the ruling came one week after the minister said it would")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.DURATION);
        }
    }

    @Nested
    class CountedNouns {

        @Test
        void arabicNounsLoseTanweenAndGoToTheSingular() {
            List<FigureMention> f = ar("ألقت الشرطة القبض على 771 متهماً وأنقذت 549 طفلاً في تسع دول بحضور ثلاثة خبراء");
            assertFigure(figure(f, "771 متهماً"), FigureKind.COUNT, 771.0, "متهم", null);
            assertFigure(figure(f, "549 طفلاً"), FigureKind.COUNT, 549.0, "طفل", null);
            assertFigure(figure(f, "تسع دول"), FigureKind.COUNT, 9.0, "دولة", null);
            assertFigure(figure(f, "ثلاثة خبراء"), FigureKind.COUNT, 3.0, "خبير", null);
            List<FigureMention> g = ar("افتتحت الشركة خمسة معاهد ومعهدين للبنات");
            assertFigure(figure(g, "خمسة معاهد"), FigureKind.COUNT, 5.0, "معهد", null);
            assertFigure(figure(g, "معهدين"), FigureKind.COUNT, 2.0, "معهد", null);
        }

        @Test
        void regularArabicPluralsGoToTheSingularByTheirEndings() {
            List<FigureMention> f = ar("شارك خمسة متطوعين وأربع مسعفات");
            assertFigure(figure(f, "خمسة متطوعين"), FigureKind.COUNT, 5.0, "متطوع", null);
            assertFigure(figure(f, "أربع مسعفات"), FigureKind.COUNT, 4.0, "مسعفة", null);
            // past ten Arabic writes the singular; a participle's plural there is a slip for it (not قانون, a singular)
            assertFigure(ar("استقبلت العيادة 25 مراجعين أمس").get(0), FigureKind.COUNT, 25.0, "مراجع", null);
            assertFigure(ar("أقر المجلس 12 قانون جديدا").get(0), FigureKind.COUNT, 12.0, "قانون", null);
        }

        @Test
        void anUnderstoodNounCarriesOverInAList() {
            List<FigureMention> f = ar("وحضر 12 مندوباً من مصر، واثنين من تونس");
            assertFigure(figure(f, "اثنين"), FigureKind.COUNT, 2.0, "مندوب", null);
            assertFigure(figure(ar("ضم المنتخب 24 لاعبا بينهم ثلاثة من الفريق الأولمبي"), "ثلاثة"), FigureKind.COUNT,
                    3.0, "لاعب", null);
            // far from the count and not joined to it by و, a number before من names a group of its own
            assertFigure(figure(ar("قتل 15 مسلحا في الهجوم على القرية بحسب بيان للجيش، إلى جانب مقتل 7 من المقاومة"),
                    "7"), FigureKind.NUMBER, 7.0, null, null);
        }

        @Test
        void aPartitiveCountsItsOwnGroupRatherThanTheNounCarriedOver() {
            List<FigureMention> f = ar("أصيب 40 جنديا، وجرح أكثر من 20 من الثوار");
            assertFigure(figure(f, "20 من الثوار"), FigureKind.COUNT, 20.0, "ثائر", null);
            assertFigure(ar("قتل 7 على الأقل من الجنود").get(0), FigureKind.COUNT, 7.0, "جندي", null);
            // a group its pronoun makes definite, an adjective after it; a فعّال plural the lexicon lists, in construct
            assertFigure(ar("أوقفت الشركة ستة من موظفيها الكبار").get(0), FigureKind.COUNT, 6.0, "موظف", null);
            assertFigure(ar("أنقذ الخفر 12 من صيادي الأسماك").get(0), FigureKind.COUNT, 12.0, "صياد", null);
            // a demonstrative before the group's plural, also an unlisted sound plural
            assertFigure(ar("أفرجت السلطات عن عشرة من هؤلاء المحتجزين").get(0), FigureKind.COUNT, 10.0, "محتجز", null);
            assertFigure(ar("رممت البلدية أربعة من هذه المباني").get(0), FigureKind.COUNT, 4.0, "مبنى", null);
            // before a pronoun a final hamza sits on ي or و (أبنائه, أعضاؤها), the plural the lexicon writes bare
            assertFigure(ar("نجا خمسة من أبنائه من الحريق").get(0), FigureKind.COUNT, 5.0, "ابن", null);
            assertFigure(ar("غاب ثلاثة من أعضائها عن الجلسة").get(0), FigureKind.COUNT, 3.0, "عضو", null);
            // a slip leaves من before the noun's accusative, which no group after من takes
            assertFigure(ar("اعتقلت الشرطة 214 من متهما في القضية").get(0), FigureKind.COUNT, 214.0, "متهم", null);
        }

        @Test
        void aDefiniteNumberAfterAPluralWithItsPronounCountsIt() {
            assertFigure(ar("خسر الفريق مبارياته الخمس الأخيرة").get(0), FigureKind.COUNT, 5.0, "مباراة", null);
            assertFigure(ar("سافر الأب مع أبنائه الأربعة").get(0), FigureKind.COUNT, 4.0, "ابن", null);
            // behind و and a preposition; a sound plural's construct
            assertFigure(ar("يقع القصر بطوابقه الثلاثة في وسط المدينة").get(0), FigureKind.COUNT, 3.0, "طابق", null);
            assertFigure(ar("أحيل المدير ومساعديه الثلاثة إلى التحقيق").get(0), FigureKind.COUNT, 3.0, "مساعد",
                    null);
            // the hamza's seat moves before the pronoun, also after من
            assertFigure(ar("اعتقلت الشرطة ثلاثة من أبنائه").get(0), FigureKind.COUNT, 3.0, "ابن", null);
        }

        @Test
        void aPartBeforeTheWholeItIsTakenFromCountsItsNoun() {
            List<FigureMention> f = ar("أفرجت السلطات عن 9 من أصل 120 سجينا أمس");
            assertFigure(figure(f, "9"), FigureKind.COUNT, 9.0, "سجين", null);
            assertFigure(figure(f, "120 سجينا"), FigureKind.COUNT, 120.0, "سجين", null);
            assertFigure(ar("رممت البلدية خمسة على الأقل من بين 30 مسجدا").get(0), FigureKind.COUNT, 5.0, "مسجد",
                    null);
            // a part no smaller than the whole is no part of it
            assertFigure(ar("فاز 40 من بين 12 متسابقا").get(0), FigureKind.NUMBER, 40.0, null, null);
        }

        @Test
        void digitsInBracketsRestatedInWordsCountTheirNoun() {
            List<FigureMention> f = ar("وقد أوقفت الشرطة (24) أربعة وعشرين مشتبها في القضية");
            assertFigure(figure(f, "24"), FigureKind.COUNT, 24.0, "مشتبه", null);
            assertFigure(figure(f, "أربعة وعشرين مشتبها"), FigureKind.COUNT, 24.0, "مشتبه", null);
            // words of another value restate nothing
            assertFigure(figure(ar("وقد أوقفت الشرطة (24) ثلاثة مشتبهين"), "24"), FigureKind.NUMBER, 24.0, null, null);
        }

        @Test
        void aDecimalInBracketsGoesWithAListedUnitOrNoun() {
            assertFigure(ar("ضبطت الجمارك مادة مخدرة تزن (125.5) جرام أمس").get(0), FigureKind.QUANTITY, 125.5, "g",
                    null);
            assertFigure(ar("أجرى المستشفى بمعدل (14.6) عملية يوميا").get(0), FigureKind.COUNT, 14.6, "عملية", null);
            // a word the lexicon does not list as a noun counts nothing
            assertFigure(ar("بلغت نسبته الموزونة (81.25) حسب المعايير").get(0), FigureKind.NUMBER, 81.25, null, null);
        }

        @Test
        void oneAfterAnIdiomsNounBehindAGluedPrepositionCountsNothing() {
            assertThat(ar("أصاب الوزير غايته بحجر واحد في هذا القرار")).isEmpty();
            assertFigure(ar("حقق الفريق الفوز بمباراة واحدة").get(0), FigureKind.COUNT, 1.0, "مباراة", null);
        }

        @Test
        void aPointBelowOneIsStillCounted() {
            assertFigure(ar("زاد معدل البطالة بمقدار 0.3 نقطة أمس").get(0), FigureKind.COUNT, 0.3, "نقطة", null);
            assertFigure(ar("تراجع المؤشر (ناقص 4 نقاط) عن الشهر الماضي").get(0), FigureKind.COUNT, -4.0, "نقطة",
                    null);
            // a part of a whole is no count of it
            assertFigure(ar("يعيش نصف سكان المدينة في الضواحي").get(0), FigureKind.NUMBER, 0.5, null, null);
        }

        @Test
        void englishNounsGoToTheSingularPastAdjectives() {
            List<FigureMention> f = en("Police said three international experts and 12 people were injured.");
            assertFigure(figure(f, "three international experts"), FigureKind.COUNT, 3.0, "expert", null);
            assertFigure(figure(f, "12 people"), FigureKind.COUNT, 12.0, "person", null);
            assertFigure(en("four small new savings banks").get(0), FigureKind.COUNT, 4.0, "bank", null);
            assertFigure(en("five small\nCanadian lenders").get(0), FigureKind.COUNT, 5.0, "lender", null);
            assertFigure(en("a survey of 900 large and small shops").get(0), FigureKind.COUNT, 900.0, "shop", null);
        }

        @Test
        void aVerbOrAPrepositionIsNotWhatIsCounted() {
            assertFigure(en("Prices rose 5 in March").get(0), FigureKind.NUMBER, 5.0, null, null);
            assertFigure(ar("وصل عددهم إلى 40 في العاصمة").get(0), FigureKind.NUMBER, 40.0, null, null);
            // a preposition glued to a derived noun opens a phrase of its own: with the participation of
            assertFigure(ar("افتتح المعرض 14 بمشاركة واسعة").get(0), FigureKind.NUMBER, 14.0, null, null);
            // a scale in the accusative after digits ends the number: what follows it is not counted
            assertFigure(ar("أنفقت البلدية 74 مليونا مصاريف للصيانة").get(0), FigureKind.NUMBER, 7.4e7, null, null);
            assertFigure(ar("وزعت الجمعية 16 ألفاً حقائب على الطلاب").get(0), FigureKind.NUMBER, 16000.0, null, null);
            assertFigure(ar("وزعت الجمعية 16 ألف حقيبة على الطلاب").get(0), FigureKind.COUNT, 16000.0, "حقيبة", null);
        }

        @Test
        void aNounInQuotesAfterTheNumberIsCounted() {
            assertFigure(ar("قتلت القوات 45 «مسلحا» في الاشتباكات").get(0), FigureKind.COUNT, 45.0, "مسلح", null);
            assertFigure(ar("سجلت البلدية 12 \"مخالفة\" في السوق").get(0), FigureKind.COUNT, 12.0, "مخالفة", null);
            // a number set between two closing marks, as Arabic writers often quote it, still counts the noun after
            assertFigure(ar("افتتحت الأمانة ” 12 ” مكتبا في الأحياء").get(0), FigureKind.COUNT, 12.0, "مكتب", null);
            // a version's name in quotes, and a particle, count nothing
            assertThat(ar("يعمل بنظام أندرويد 5.0 “لوليبوب” الجديد")).extracting(FigureMention::unit).containsOnlyNulls();
        }

        @Test
        void moreBrokenPluralsAndArabicUnitsInThePlural() {
            assertFigure(ar("قصفت الطائرات أربعة مخازن للأسلحة").get(0), FigureKind.COUNT, 4.0, "مخزن", null);
            assertFigure(ar("حجز المسافر 3 تذاكر للرحلة").get(0), FigureKind.COUNT, 3.0, "تذكرة", null);
            // a definite number above ten keeps its noun after it: the accusative to 99, the singular after 100
            assertFigure(ar("تجاوز عدد الحضور الأربعين زائرا أمس").get(0), FigureKind.COUNT, 40.0, "زائر", null);
            assertFigure(ar("يقع التقرير في الثلاثمائة صفحة تقريبا").get(0), FigureKind.COUNT, 300.0, "صفحة", null);
            assertFigure(ar("تجاوز عدد المتطوعين المائة متطوع").get(0), FigureKind.COUNT, 100.0, "متطوع", null);
            // the accusative of a listed noun of two letters goes to its singular (districts, dams)
            assertFigure(ar("تخدم الشبكة الجديدة 23 حيا في المدينة").get(0), FigureKind.COUNT, 23.0, "حي", null);
            // a number whose last part is three to ten takes the plural, whatever comes before it
            assertFigure(ar("مر عبر الميناء 1,205 شاحنات أمس").get(0), FigureKind.COUNT, 1205.0, "شاحنة", null);
            // nouns in و or ف, which an unlisted word would lose to a guessed conjunction: winners, expatriates
            assertFigure(ar("كرمت الجمعية 15 فائزا في المسابقة").get(0), FigureKind.COUNT, 15.0, "فائز", null);
            assertFigure(ar("ضبطت الدوريات 7 وافدين مخالفين").get(0), FigureKind.COUNT, 7.0, "وافد", null);
            assertFigure(ar("نشرت الوزارة 30 فيديو توعويا").get(0), FigureKind.COUNT, 30.0, "فيديو", null);
            assertFigure(ar("يبلغ طول القطعة عشرة سنتيمترات تقريبا").get(0), FigureKind.QUANTITY, 10.0, "cm", null);
            assertFigure(ar("ضبط بحوزته 4 جرامات من المخدر").get(0), FigureKind.QUANTITY, 4.0, "g", null);
            // the Celsius scale alone after a number, its word for degree left out, is a temperature
            assertFigure(ar("تجاوزت الحرارة 48 مئوية أمس").get(0), FigureKind.QUANTITY, 48.0, "degree", null);
            assertFigure(ar("تعمل البطارية بجهد 48 فولت فقط").get(0), FigureKind.QUANTITY, 48.0, "V", null);
            assertFigure(ar("يتسع الخزان لنحو 40 غالونا من الوقود").get(0), FigureKind.QUANTITY, 40.0, "gallon", null);
            assertFigure(ar("لا تتجاوز الجرعة 325 ملجم في اليوم").get(0), FigureKind.QUANTITY, 325.0, "mg", null);
        }

        @Test
        void theNumberOfAPluralCountsIt() {
            assertFigure(ar("ارتفع عدد القتلى في المدينة إلى 85 منذ الصباح").get(0), FigureKind.COUNT, 85.0, "قتيل",
                    null);
            assertFigure(ar("وصل العدد الإجمالي للمصابين إلى 120 حتى مساء أمس").get(0), FigureKind.COUNT, 120.0,
                    "مصاب", null);
            List<FigureMention> f = ar("وتراجع عدد الطلاب من 300 إلى 250 هذا الفصل");
            assertFigure(figure(f, "300"), FigureKind.COUNT, 300.0, "طالب", null);
            assertFigure(figure(f, "250"), FigureKind.COUNT, 250.0, "طالب", null);
            // a range's bounds keep the noun written after them; "a number of" and an issue's number count nothing
            assertThat(figure(ar("بلغ عدد الزوار ما بين 200 و300 زائر يوميا"), "ما بين 200 و300 زائر").kind())
                    .isEqualTo(FigureKind.RANGE);
            assertFigure(ar("التقى عدد من المسؤولين 12 مرة").get(0), FigureKind.COUNT, 12.0, "مرة", null);
            assertFigure(ar("نشر في العدد 15588 من الصحيفة").get(0), FigureKind.NUMBER, 15588.0, null, null);
        }

        @Test
        void aNumberLeavesItsNounToTheNextThatAPartitiveCloses() {
            assertFigure(figure(ar("وقتل 12 وجرح أكثر من 20 من الحراس في الهجوم"), "12"), FigureKind.COUNT, 12.0,
                    "حارس", null);
            assertFigure(figure(ar("أدى الحادث إلى وفاة 3 وإصابة 17 راكبا"), "3"), FigureKind.COUNT, 3.0, "راكب", null);
            // "others" with no count before: the group the partitive after it names
            assertFigure(figure(ar("اعتقلت الشرطة زعيم العصابة وسبعة آخرين من أعضاء العصابة"), "سبعة آخرين"),
                    FigureKind.COUNT, 7.0, "عضو", null);
            // a number after the comma that closes a count's clause shares the count out
            List<FigureMention> f = ar("أصيب خمسة جنود في الهجوم، اثنان في الرأس وثلاثة بالأطراف");
            assertFigure(figure(f, "اثنان"), FigureKind.COUNT, 2.0, "جندي", null);
            assertFigure(figure(f, "ثلاثة"), FigureKind.COUNT, 3.0, "جندي", null);
            // joined by a word of another kind, a second number's noun is its own
            assertFigure(figure(ar("سجل اللاعب 12 واستقبل 20 هدفا"), "12"), FigureKind.NUMBER, 12.0, null, null);
        }

        @Test
        void theirNumberCountsThePluralNamedBefore() {
            assertFigure(ar("وصل المتسابقون البالغ عددهم نحو 40 إلى خط النهاية").get(0), FigureKind.COUNT, 40.0,
                    "متسابق", null);
            assertFigure(ar("أغلقت المدارس الخاصة في المدينة وعددها 18 بسبب الأمطار").get(0), FigureKind.COUNT, 18.0,
                    "مدرسة", null);
            // a paper's issue counts nothing
            assertFigure(ar("نشرت المجلات الأسبوعية في عددها 2210 الصادر أمس تقريرا").get(0), FigureKind.NUMBER,
                    2210.0, null, null);
        }

        @Test
        void theNumberCountsTheNounOfTheCountJustGiven() {
            assertFigure(figure(ar("يعمل في المصنع 900 عامل. ويتوقع أن يرتفع هذا العدد إلى 1200 العام المقبل"), "1200"),
                    FigureKind.COUNT, 1200.0, "عامل", null);
            // right before the number, العدد is a paper's issue
            assertFigure(figure(ar("وزع النادي 300 تذكرة، كما ورد في العدد 4512 من الصحيفة"), "4512"),
                    FigureKind.NUMBER, 4512.0, null, null);
        }

        @Test
        void ofThemGoesPastAnEstimateAndBeforeAGluedPreposition() {
            List<FigureMention> f = ar("افتتحت الجامعة 40 قاعة منها نحو 25 للطلاب و15 للطالبات");
            assertFigure(figure(f, "25"), FigureKind.COUNT, 25.0, "قاعة", null);
            assertFigure(figure(f, "15"), FigureKind.COUNT, 15.0, "قاعة", null);
            assertFigure(figure(ar("سجلت الجمعية 300 ألف متطوع، منهم أكثر من 40 ألفا في الرياض"), "40 ألفا"),
                    FigureKind.COUNT, 40000.0, "متطوع", null);
            // a list joined by commas, each number with the same glued preposition after it
            List<FigureMention> g = ar("وزعت اللجنة 900 كتاب منها 500 بالعربية، 300 بالإنجليزية، 100 بالفرنسية");
            assertFigure(figure(g, "300"), FigureKind.COUNT, 300.0, "كتاب", null);
            assertFigure(figure(g, "100"), FigureKind.COUNT, 100.0, "كتاب", null);
        }

        @Test
        void ofThemCountsThePluralNamedSinceTheLastCount() {
            // "them" is the plural named after the count of things, also past a comma
            assertFigure(figure(ar("ضبطت الدورية ثلاث شاحنات وطاردت المهربين واعتقلت 9 منهم"), "9"), FigureKind.COUNT,
                    9.0, "مهرب", null);
            assertFigure(figure(ar("قال الطبيب إن حالة المرضى مستقرة، وخرج خمسة منهم أمس"), "خمسة"), FigureKind.COUNT,
                    5.0, "مريض", null);
        }
    }

    @Nested
    class Duals {

        @Test
        void anArabicDualCountsTwoOfItsNoun() {
            List<FigureMention> f = ar("استمرت الزيارة يومين وشملت دولتين وتأجلت شهرين");
            assertFigure(figure(f, "يومين"), FigureKind.DURATION, 2.0, "day", null);
            assertThat(figure(f, "يومين").isoValue()).isEqualTo("P2D");
            assertFigure(figure(f, "دولتين"), FigureKind.COUNT, 2.0, "دولة", null);
            assertThat(figure(f, "شهرين").isoValue()).isEqualTo("P2M");
            assertFigure(figure(ar("فتح التسجيل للمتطوعين من الجنسين"), "الجنسين"), FigureKind.COUNT, 2.0, "جنس",
                    null);
        }

        @Test
        void aMasculineDualInTheConstructStateCountsTwoBeforeADefiniteNoun() {
            assertFigure(figure(ar("تقام المباراة بين فريقي الاتحاد والشباب غدا"), "فريقي"), FigureKind.COUNT, 2.0,
                    "فريق", null);
            assertFigure(figure(ar("انتشرت الدوريات على جانبي الطريق"), "جانبي"), FigureKind.COUNT, 2.0, "جانب",
                    null);
            // a glued preposition stays out of the figure, a letter of the noun's own stays in
            assertThat(ar("اجتمع الوسيط بوفدي الحكومة والمعارضة")).extracting(FigureMention::text)
                    .containsExactly("وفدي");
            // "my" before an adjective, a relative or a unit of time; a seeker's sound plural; a weekday's days
            assertThat(ar("بلغ ابني الصغير سن الرشد")).isEmpty();
            assertThat(ar("أرسلت مقالي الذي كتبته إلى الصحيفة")).isEmpty();
            assertThat(ar("لم ينشر مقالي اليوم")).extracting(FigureMention::kind).doesNotContain(FigureKind.COUNT);
            assertThat(ar("تدفق طالبي اللجوء على الحدود")).isEmpty();
        }

        @Test
        void aFeminineDualInConstructCountsTwoBeforeAVerbalNounOrTwoNamesUnlisted() {
            assertFigure(figure(ar("نصبت الشرطة نقطتي تفتيش عند المدخل"), "نقطتي"), FigureKind.COUNT, 2.0, "نقطة",
                    null);
            assertFigure(figure(ar("تقدمت القوات نحو قريتي حمدان وبيت سالم"), "قريتي"), FigureKind.COUNT, 2.0, "قرية",
                    null);
            // "my" before a verb, a preposition or the end of the clause
            assertThat(ar("كانت سيارتي تعمل جيدا")).isEmpty();
            assertThat(ar("عدت إلى غرفتي في الفندق")).isEmpty();
        }

        @Test
        void aFeminineDualInConstructInTheNominativeEndsInAlef() {
            assertThat(ar("وقعت وزارتا الصحة والتعليم الاتفاق")).extracting(FigureMention::text, FigureMention::unit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("وزارتا", "وزارة"));
            // a unit's alef is another word's accusative: cents
            assertThat(figure(ar("دفع 44 سنتا الأسبوع الماضي"), "44 سنتا").kind()).isEqualTo(FigureKind.MONEY);
            // a glued preposition stays out of an unlisted feminine dual too
            assertThat(figure(ar("قسم المدرب الفريق لمجموعتين وأشرف على كل مجموعة"), "مجموعتين").value()).isEqualTo(2.0);
        }

        @Test
        void aDualInTheConstructStateWithAPronounCountsTwo() {
            assertFigure(figure(ar("عاد الوزيران إلى بلديهما مساء"), "بلديهما"), FigureKind.COUNT, 2.0, "بلد", null);
            assertFigure(figure(ar("باعت العائلة سيارتيها القديمتين"), "سيارتيها"), FigureKind.COUNT, 2.0, "سيارة",
                    null);
            // لدى before a pronoun, and a verb in the first person, are no duals of ولد and اسم
            assertThat(ar("ولديهم خبرة طويلة في المجال")).isEmpty();
            assertThat(ar("هذا ما أسميها به")).isEmpty();
        }

        @Test
        void newsNounsWithBrokenPluralsCountInTheSingularAndTheDual() {
            assertFigure(ar("نصب المسلحون كمينين للدورية").get(0), FigureKind.COUNT, 2.0, "كمين", null);
            assertFigure(ar("أغلقت الشرطة مدخلي البلدة الشمالية").get(0), FigureKind.COUNT, 2.0, "مدخل", null);
            assertFigure(ar("صرفت الإدارة ثلاثة رواتب متأخرة").get(0), FigureKind.COUNT, 3.0, "راتب", null);
            assertFigure(ar("أجرى الفريق حصتين تدريبيتين").get(0), FigureKind.COUNT, 2.0, "حصة", null);
        }

        @Test
        void anUnlistedDualBehindAGluedPrepositionIsNoAdjectiveOfTheDualBefore() {
            // the story writes the noun in the singular; a dual right after another dual agrees with it, unless a
            // preposition glued to it opens a phrase of its own
            List<FigureMention> f = ar("زار الوزير المدرسة ثم عاد إلى المبنيين التابعين للمدرستين في الحي");
            assertFigure(figure(f, "للمدرستين"), FigureKind.COUNT, 2.0, "مدرسة", null);
            assertThat(ar("زار الوزير الجامعة ثم الجامعتين الأهليتين")).extracting(FigureMention::text)
                    .containsExactly("الجامعتين");
        }

        @Test
        void aListedDualRightAfterAnIndefiniteDualDescribesItsTwo() {
            assertThat(ar("أصيب طفلان شقيقان في الحادث")).extracting(FigureMention::text).containsExactly("طفلان");
            assertThat(ar("ينقسم البرنامج إلى قسمين رئيسين")).extracting(FigureMention::text).containsExactly("قسمين");
            // "these two" is no noun of its own: the dual after it counts
            assertThat(ar("هاتان فكرتان بسيطتان")).extracting(FigureMention::text).containsExactly("فكرتان");
        }

        @Test
        void soundPluralsThatLookLikeDualsAreNot() {
            assertThat(ar("أشاد بجهود العاملين في القطاع")).isEmpty();
        }

        @Test
        void aPairJoinedByAndAfterAWordShowsItIsADual() {
            List<FigureMention> f = ar("أغلقت الشرطة المخرجين الجنوبي والغربي وعززت وجودها في المنطقتين الساحلية "
                    + "والجبلية، وتعمل البعثة في محافظتي مأرب وشبوة");
            assertFigure(figure(f, "المخرجين"), FigureKind.COUNT, 2.0, "مخرج", null);
            assertFigure(figure(f, "محافظتي"), FigureKind.COUNT, 2.0, "محافظة", null);
            // a relational adjective, "my" glued on, a verbal noun, a genitive behind a preposition: no dual
            assertThat(ar("يحمل ملفي الشخصي والمهني")).isEmpty();
            assertThat(ar("قالت إن سيارتي تهتز وأنا أقودها")).isEmpty();
            assertThat(ar("ناقش التمكين الاجتماعي والاقتصادي للمرأة")).isEmpty();
            assertThat(ar("صار البلد مقصد مثالي للعائلات والأطفال")).isEmpty();
        }
    }

    @Nested
    class Percentages {

        @Test
        void everyWayOfWritingPercent() {
            assertFigure(ar("نما الاقتصاد 3.5% هذا العام").get(0), FigureKind.PERCENT, 3.5, null, null);
            assertFigure(ar("بنسبة ٧٪").get(0), FigureKind.PERCENT, 7.0, null, null);
            assertFigure(figure(ar("ارتفع 12 في المئة"), "12 في المئة"), FigureKind.PERCENT, 12.0, null, null);
            assertFigure(figure(ar("ارتفع عشرين بالمائة"), "عشرين بالمائة"), FigureKind.PERCENT, 20.0, null, null);
            assertFigure(figure(en("output fell 1.4 pct"), "1.4 pct"), FigureKind.PERCENT, 1.4, null, null);
            assertFigure(figure(en("up ten percent"), "ten percent"), FigureKind.PERCENT, 10.0, null, null);
        }
    }

    @Nested
    class Money {

        @Test
        void arabicCurrenciesWithCountryAdjectives() {
            List<FigureMention> f = ar("بلغت القيمة 2.48 مليار درهم إماراتي مقابل 121 مليار دولار و500 ريال");
            assertFigure(figure(f, "2.48 مليار درهم إماراتي"), FigureKind.MONEY, 2.48e9, null, "AED");
            assertFigure(figure(f, "121 مليار دولار"), FigureKind.MONEY, 121e9, null, "USD");
            assertFigure(figure(f, "500 ريال"), FigureKind.MONEY, 500.0, null, "SAR");
            assertFigure(ar("نحو 40 دينار كويتي").get(0), FigureKind.MONEY, 40.0, null, "KWD");
            assertFigure(ar("سعره 3 جنيهات استرلينية").get(0), FigureKind.MONEY, 3.0, null, "GBP");
        }

        @Test
        void arabicHalfAfterTheCurrencyAndBitcoin() {
            assertFigure(ar("ارتفع السهم إلى سبعة دولارات ونصف").get(0), FigureKind.MONEY, 7.5, null, "USD");
            assertFigure(ar("دفع 4 دولارات ونصف الباقي نقدا").get(0), FigureKind.MONEY, 4.0, null, "USD");
            assertFigure(ar("اشترى 3 بيتكوين").get(0), FigureKind.MONEY, 3.0, null, "XBT");
        }

        @Test
        void reutersConventionsAndSymbols() {
            List<FigureMention> f = en("It earned 2.5 mln dlrs, 10 mln stg and $3bn, plus 20 mln Canadian dlrs and 5 billion yen.");
            assertFigure(figure(f, "2.5 mln dlrs"), FigureKind.MONEY, 2.5e6, null, "USD");
            assertFigure(figure(f, "10 mln stg"), FigureKind.MONEY, 1e7, null, "GBP");
            assertFigure(figure(f, "$3bn"), FigureKind.MONEY, 3e9, null, "USD");
            assertFigure(figure(f, "20 mln Canadian dlrs"), FigureKind.MONEY, 2e7, null, "CAD");
            assertFigure(figure(f, "5 billion yen"), FigureKind.MONEY, 5e9, null, "JPY");
            assertFigure(en("a €20 fee").get(0), FigureKind.MONEY, 20.0, null, "EUR");
            assertFigure(en("priced at HK$ 12").get(0), FigureKind.MONEY, 12.0, null, "HKD");
            assertFigure(en("it cost 50 cents").get(0), FigureKind.MONEY, 0.5, null, "USD");
            // the Arabic names of the won and of euros in the plural
            assertFigure(ar("باعت الشركة أسهما بقيمة 3 تريليونات وون").get(0), FigureKind.MONEY, 3e12, null, "KRW");
            assertFigure(ar("يبلغ سعر التذكرة 8 يوروهات للكبار").get(0), FigureKind.MONEY, 8.0, null, "EUR");
        }
    }

    @Nested
    class Quantities {

        @Test
        void degreesCentigradeInArabic() {
            assertThat(figure(ar("الحد من الاحتباس الحراري إلى 2 سنتيجراد بحلول نهاية القرن"), "2 سنتيجراد").unit())
                    .isEqualTo("degree");
        }

        @Test
        void speedsInArabic() {
            assertThat(figure(ar("تصل سرعة الرياح إلى 40كم/ساعة على الجزء الجنوبي"), "40كم/ساعة").unit())
                    .isEqualTo("km/h");
            assertThat(figure(ar("بلغت سرعة الإعصار 165 كيلومترا في الساعة أمس"), "165 كيلومترا في الساعة").unit())
                    .isEqualTo("km/h");
            assertThat(figure(ar("الرياح بسرعة 15 - 35 كم/ ساعة غدا"), "15 - 35 كم/ ساعة").unit())
                    .isEqualTo("km/h");
            // the first hour is no rate
            assertThat(figure(ar("قطع 12 كيلومترا في الساعة الأولى من السباق"), "12 كيلومترا").unit())
                    .isEqualTo("km");
        }

        @Test
        void unitsOfMeasure() {
            assertFigure(en("exports of 15,000 tonnes").get(0), FigureKind.QUANTITY, 15000.0, "tonne", null);
            assertFigure(en("output of 4.5 mln barrels").get(0), FigureKind.QUANTITY, 4.5e6, "barrel", null);
            assertFigure(ar("تراجعت إلى 694 ألف هكتار").get(0), FigureKind.QUANTITY, 694000.0, "hectare", null);
            assertFigure(ar("على بعد 70 كيلومترا").get(0), FigureKind.QUANTITY, 70.0, "km", null);
            // the press's abbreviations of the kilogram, a transposed spelling, and a prefix written apart
            assertFigure(ar("يزن الصندوق 40 كغم فقط").get(0), FigureKind.QUANTITY, 40.0, "kg", null);
            assertFigure(ar("تزن العبوة 3 كلجم تقريبا").get(0), FigureKind.QUANTITY, 3.0, "kg", null);
            assertFigure(ar("تقع القرية على مسافة 25 كليومترا من المدينة").get(0), FigureKind.QUANTITY, 25.0, "km",
                    null);
            assertFigure(ar("كاميرا أمامية بدقة 8 ميغا بكسيل").get(0), FigureKind.QUANTITY, 8.0, "MP", null);
        }

        @Test
        void aLoneMeemAfterANumberMeasuresWhatTheWordBeforeNames() {
            assertFigure(figure(ar("فاز العداء الشاب في سباق 200م أمس"), "200م"), FigureKind.QUANTITY, 200.0, "m", null);
            assertFigure(figure(ar("سقط الطفل في حفرة عمقها 12 م قرب المنزل"), "12 م"), FigureKind.QUANTITY, 12.0, "m",
                    null);
            assertFigure(figure(ar("يمتد الجسر وعرضه 45م فوق النهر"), "45م"), FigureKind.QUANTITY, 45.0, "m", null);
            assertFigure(figure(ar("أقيم السوق على مساحة تقدر بنحو 3500م قرب الميناء"), "3500م"), FigureKind.QUANTITY,
                    3500.0, "m2", null);
            assertFigure(figure(ar("بنيت الحديقة بمساحة (6500) م مربع شرق البلدة"), "(6500) م مربع"),
                    FigureKind.QUANTITY, 6500.0, "m2", null);
            assertFigure(figure(ar("سجلت درجة الحرارة العظمى في الواحة 49م ظهر أمس"), "49م"), FigureKind.QUANTITY, 49.0,
                    "degree", null);
            // the nearer word decides: a height above the ground where the temperature is read
            assertThat(figure(ar("تقاس درجة حرارة الهواء على ارتفاع نحو 3م عن الأرض"), "3م").unit()).isEqualTo("m");
            // the sides of a plot: both in metres
            List<FigureMention> sides = ar("احترق مخزن أبعاده 20 × 35م في المنطقة");
            assertThat(sides).extracting(FigureMention::unit).containsExactly("m", "m");
            // بطولة is a championship, not "with its length"; with no word of measure the number stays bare
            assertThat(figure(ar("فاز الفريق ببطولة دوري 86م بعد مباراة صعبة"), "86").kind()).isEqualTo(FigureKind.NUMBER);
            assertThat(figure(ar("يبلغ قطر الأنبوب 3 مم تقريبا"), "3 مم").unit()).isEqualTo("mm");
        }

        @Test
        void theCelsiusScaleBelongsToTheDegree() {
            FigureMention heat = figure(ar("بلغت الحرارة في المدينة 41 درجة مئوية ظهرا"), "41 درجة مئوية");
            assertFigure(heat, FigureKind.QUANTITY, 41.0, "degree", null);
            assertThat(figure(ar("تنخفض إلى 3 درجات مئوية ليلا"), "3 درجات مئوية").unit()).isEqualTo("degree");
        }
    }

    @Nested
    class Durations {

        @Test
        void countsOfTimeAreDurationsWithIsoValues() {
            FigureMention months = ar("خلال أول خمسة أشهر").get(1);
            assertFigure(months, FigureKind.DURATION, 5.0, "month", null);
            assertThat(months.isoValue()).isEqualTo("P5M");
            FigureMention lunar = figure(ar("يقع البدران في شهر قمري واحد"), "شهر قمري واحد");
            assertFigure(lunar, FigureKind.DURATION, 1.0, "month", null);
            assertThat(en("after 3 years").get(0).isoValue()).isEqualTo("P3Y");
            assertThat(en("for 36 hours").get(0).isoValue()).isEqualTo("PT36H");
        }

        @Test
        void aDefiniteCountBeforeADefinitePluralCountsIt() {
            FigureMention months = ar("ستوزع اللجنة السلال على الأسر للثلاثة الأشهر المقبلة").get(0);
            assertFigure(months, FigureKind.DURATION, 3.0, "month", null);
            assertThat(months.isoValue()).isEqualTo("P3M");
            assertFigure(ar("زار الوفد الخمسة المواقع الأثرية").get(0), FigureKind.COUNT, 5.0, "موقع", null);
            assertThat(ar("يكثر الزوار في العشر الأواخر")).extracting(FigureMention::unit).containsOnlyNulls();
        }

        @Test
        void hoursAndMinutesAreOneSpanOfTime() {
            List<FigureMention> f = ar("تأخرت الرحلة 5 ساعات و10 دقائق عن موعدها");
            assertThat(f).hasSize(1);
            assertFigure(f.get(0), FigureKind.DURATION, 310.0, "minute", null);
            assertThat(f.get(0).isoValue()).isEqualTo("PT5H10M");
            assertThat(ar("استغرق البث سبع ساعات وعشرين دقيقة").get(0).isoValue()).isEqualTo("PT7H20M");
            assertThat(ar("عمل 5 ساعات و10 أيام")).hasSize(2);
        }
    }

    @Nested
    class Ranges {

        @Test
        void rangesKeepTheirUnitAndCurrency() {
            FigureMention words = figure(en("between 5 and 10 million people"), "between 5 and 10 million people");
            assertThat(words.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(words.min()).isEqualTo(5e6);
            assertThat(words.max()).isEqualTo(1e7);
            FigureMention arabic = ar("تتراوح من 49 مليار دولار إلى 51 مليار دولار").get(0);
            assertThat(arabic.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(arabic.text()).isEqualTo("من 49 مليار دولار إلى 51 مليار دولار");
            assertThat(arabic.currency()).isEqualTo("USD");
            assertThat(arabic.min()).isEqualTo(49e9);
            FigureMention dash = en("a 5-10 pct rise").get(0);
            assertThat(dash.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(dash.unit()).isEqualTo("percent");
            assertThat(dash.max()).isEqualTo(10.0);
            // a first bound that looks like a year bounds a measure when the second is none
            FigureMention grams = figure(ar("يحتاج المريض ما بين 1900 و2500 ملغ يوميا"), "ما بين 1900 و2500 ملغ");
            assertThat(grams.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(grams.unit()).isEqualTo("mg");
            assertThat(grams.min()).isEqualTo(1900.0);
            assertThat(ar("بقي المصنع مغلقا من 1990 إلى 2003 بسبب الحرب").get(0).isoValue()).isEqualTo("1990/2003");
            // a part joined by و that reaches the scale before it starts a second number: the bounds, not a sum
            FigureMention sum = figure(ar("يتراوح الإنفاق بين 30 مليارا و35 مليار ريال"), "بين 30 مليارا و35 مليار ريال");
            assertThat(sum.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(sum.max()).isEqualTo(35e9);
            assertFigure(ar("بلغت التكلفة مليونين و300 ألف ريال").get(0), FigureKind.MONEY, 2.3e6, null, "SAR");
        }

        @Test
        void arabicAndGluedToTheSecondBoundInWords() {
            FigureMention years = figure(ar("قد يستغرق البناء ما بين أربعة وستة أعوام"), "ما بين أربعة وستة أعوام");
            assertThat(years.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(years.min()).isEqualTo(4.0);
            assertThat(years.unit()).isEqualTo("year");
            FigureMention money = figure(en("sales should reach 2,100 to 2,300 billion lire"), "2,100 to 2,300 billion lire");
            assertThat(money.min()).isEqualTo(2.1e12);
            assertThat(ar("آجالها بين ثلاثة أعوام وخمسة أعوام وسبعة أعوام")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.RANGE);
        }

        @Test
        void aToWithoutFromIsAChangeNotARange() {
            List<FigureMention> f = en("supply rose 1.4 pct to 615.59 billion dlrs");
            assertThat(f).extracting(FigureMention::kind).containsExactly(FigureKind.PERCENT, FigureKind.MONEY);
        }

        @Test
        void boundsOfAnEstimateAfterAWordOfLevelAreARange() {
            FigureMention units = figure(en("exports continue at a level of 12,000 to 16,000 units a year"),
                    "12,000 to 16,000 units");
            assertThat(units.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(units.unit()).isEqualTo("unit");
            assertThat(units.min()).isEqualTo(12000.0);
            FigureMention money = figure(en("the outlook remains at 2.50 dlrs to three dlrs"), "2.50 dlrs to three dlrs");
            assertThat(money.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(money.currency()).isEqualTo("USD");
            assertThat(money.max()).isEqualTo(3.0);
            FigureMention arabic = figure(ar("يبلغ عدد الزوار نحو 10 إلى 12 مليون زائر"), "10 إلى 12 مليون زائر");
            assertThat(arabic.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(arabic.min()).isEqualTo(1e7);
            assertThat(en("crude rose 50 cts to 18.50 dlrs")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.MONEY, FigureKind.MONEY);
            assertThat(en("the rate was at 5 pct to 100 pct")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.PERCENT, FigureKind.PERCENT);
        }

        @Test
        void aBareBoundCloseBelowAMeasuredOneIsARangeOfThatMeasure() {
            FigureMention pct = figure(en("output should grow by four to 4.5 pct this year"), "four to 4.5 pct");
            assertThat(pct.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(pct.unit()).isEqualTo("percent");
            assertThat(pct.min()).isEqualTo(4.0);
            FigureMention money = figure(en("costs would rise by 12 to 15 billion dlrs"), "12 to 15 billion dlrs");
            assertThat(money.min()).isEqualTo(1.2e10);
            assertThat(money.currency()).isEqualTo("USD");
            assertThat(en("the rate rose by two to 14 pct")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.NUMBER, FigureKind.PERCENT);
            FigureMention share = figure(en("it aims at a 15 to 20 pct market share"), "15 to 20 pct");
            assertThat(share.kind()).isEqualTo(FigureKind.RANGE);
            FigureMention price = figure(en("it expects a price of six to 6.50 dlrs a share"), "six to 6.50 dlrs");
            assertThat(price.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(price.max()).isEqualTo(6.5);
            FigureMention cents = figure(en("analysts expect 35 to 45 cts a share"), "35 to 45 cts");
            assertThat(cents.min()).isEqualTo(0.35);
            assertThat(cents.max()).isEqualTo(0.45);
            assertThat(figure(en("profit was put at 17 billion yen, down 20 to 24 pct"), "20 to 24 pct").kind())
                    .isEqualTo(FigureKind.RANGE);
            assertThat(en("money supply rose 1.4 to 615.59 billion dlrs")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.NUMBER, FigureKind.MONEY);
            FigureMention age = figure(ar("ينصح بها للصغار بعمر 6 إلى 9 سنوات"), "6 إلى 9 سنوات");
            assertThat(age.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(age.unit()).isEqualTo("year");
            assertThat(age.min()).isEqualTo(6.0);
            FigureMention fat = figure(ar("تمثل الدهون 20 إلى 30 بالمائة من الوجبة"), "20 إلى 30 بالمائة");
            assertThat(fat.unit()).isEqualTo("percent");
            assertThat(fat.max()).isEqualTo(30.0);
            FigureMention tonnes = figure(ar("تنتج المزرعة نحو 40 الى 55 ألف طن سنويا"), "40 الى 55 ألف طن");
            assertThat(tonnes.min()).isEqualTo(40000.0);
            assertThat(ar("ارتفع المؤشر 6 إلى 9% خلال الجلسة")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.NUMBER, FigureKind.PERCENT);
            assertThat(ar("نقل المسعفون 3 إلى 40 مستشفى")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.RANGE);
        }

        @Test
        void aPriceSaysPerShareBetweenItsBounds() {
            FigureMention offer = figure(en("it lifted the offer from 40 dlrs per share to 45 dlrs"),
                    "from 40 dlrs per share to 45 dlrs");
            assertThat(offer.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(offer.min()).isEqualTo(40.0);
            assertThat(offer.max()).isEqualTo(45.0);
        }

        @Test
        void aScoreIsNotARange() {
            assertThat(en("won 3-1 on Sunday")).extracting(FigureMention::kind).doesNotContain(FigureKind.RANGE);
            assertThat(ar("فاز الفريق بنتيجة صفر- ١ في المباراة")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.RANGE);
        }

        @Test
        void anArabicUnitCountingByItselfBoundsARange() {
            FigureMention waves = figure(ar("وارتفاع الموج من نصف متر إلى متر ونصف على الساحل"),
                    "من نصف متر إلى متر ونصف");
            assertThat(waves.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(waves.unit()).isEqualTo("m");
            assertThat(waves.max()).isEqualTo(1.5);
            assertThat(figure(ar("تبقى الزهور من متر ونصف إلى مترين ونصف"), "من متر ونصف إلى مترين ونصف").min())
                    .isEqualTo(1.5);
            assertThat(figure(ar("يمكث الضيف من يومين إلى 4 أيام في المدينة"), "من يومين إلى 4 أيام").kind())
                    .isEqualTo(FigureKind.RANGE);
            // a rise of prices stays a change of two figures
            assertThat(ar("وارتفاع الأسعار من 5 ريالات إلى 10 ريالات")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.RANGE);
        }

        @Test
        void anArabicDashAgainstTheFirstBoundAlone() {
            FigureMention wind = figure(ar("تهب الرياح بسرعة 10- 30 كم/ساعة على الساحل"), "10- 30 كم/ساعة");
            assertThat(wind.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(wind.unit()).isEqualTo("km/h");
            assertThat(wind.min()).isEqualTo(10.0);
            assertThat(figure(ar("لا تتجاوز النسبة 3- 5% في المدن"), "3- 5%").kind()).isEqualTo(FigureKind.RANGE);
            // a series' part in brackets and a minus after the digits stay apart
            assertThat(ar("مقالات في التاريخ (1- 2)")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.RANGE);
            assertThat(ar("تراجع الطلب (0.3- ، 3.3-، 1.6- على التوالي)")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.RANGE);
        }

        @Test
        void aSetLostInAChainOfScoresIsTwoNumbers() {
            assertThat(ar("فازت اللاعبة 6 - 3 و4 - 6 و6 - 2 أمس")).extracting(FigureMention::value)
                    .containsExactly(6.0, 3.0, 4.0, 6.0, 6.0, 2.0);
            assertThat(ar("تغلب على منافسه 7 - 6 (7 - 4) و6 - 3 في ساعة")).extracting(FigureMention::value)
                    .containsExactly(7.0, 6.0, 7.0, 4.0, 6.0, 3.0);
            assertThat(ar("يستهدف الفئة العمرية 12 - 18 عاما")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.RANGE);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = "|", value = {
            "خسر النادي أمام ضيفه 1 - 3 في المباراة الودية | 1 | 3",
            "وكانت بخسارته أمام الفريق الزائر صفر - 2 الأسبوع الماضي | 0 | 2",
            "تغلب عليه 2-5 في ملعبه | 2 | 5",
            "فاز الفريق على ضيفه 3/1 في المباراة الودية | 3 | 1",
            "انتهت المباراة بالتعادل 2/2 | 2 | 2",
            "أنهى اللاعب المباراة وبنتيجة 3/6 | 3 | 6",
        })
        void anArabicScoreAfterAResultIsTwoNumbersEvenLowFirst(String text, double first, double second) {
            assertThat(ar(text)).extracting(FigureMention::kind, FigureMention::value).containsExactly(
                    tuple(FigureKind.NUMBER, first), tuple(FigureKind.NUMBER, second));
        }

        @Test
        void aRangeOfSpeedsIsInKilometresPerHour() {
            FigureMention wind = figure(ar("تهب رياح بسرعة 20-45 كم/ساعة"), "20-45 كم/ساعة");
            assertThat(wind.kind()).isEqualTo(FigureKind.RANGE);
            assertThat(wind.unit()).isEqualTo("km/h");
        }

        @Test
        void smallBoundsWithoutAResultStayARange() {
            assertThat(ar("تستغرق الرحلة بين 2-5 أيام")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.RANGE);
        }
    }

    @Nested
    class Ordinals {

        @Test
        void anIndefiniteOrdinalAfterAnIndefiniteNounOfItsGenderRanksIt() {
            assertFigure(ar("أطلقت الجمعية حملة ثانية من البرنامج").get(0), FigureKind.ORDINAL, 2.0, "حملة", null);
            assertFigure(ar("عقد الوزير اجتماع أول في الرياض").get(0), FigureKind.ORDINAL, 1.0, "اجتماع", null);
            // past an adjective of relation; not "again" after a word with a pronoun, nor the head of a construct
            assertFigure(ar("أعلنت الحكومة خطة اقتصادية ثالثة في البلاد").get(0), FigureKind.ORDINAL, 3.0, "خطة", null);
            assertThat(ar("أغلق الحارس بابه ثانية")).extracting(FigureMention::unit).containsOnlyNulls();
            assertThat(ar("سجل النفط صعود ثالث أسبوع")).extracting(FigureMention::unit).doesNotContain("صعود");
        }

        @Test
        void anIndefiniteOrdinalRanksAPluralWithItsOwnersPronoun() {
            assertFigure(ar("ويلعب المنتخب أولى مبارياته في الدورة غدا").get(0), FigureKind.ORDINAL, 1.0, "مباراة", null);
            assertFigure(ar("وسجل المهاجم ثالث أهدافه هذا الموسم").get(0), FigureKind.ORDINAL, 3.0, "هدف", null);
            assertFigure(ar("أجرت الشركة أولى تجارب الإطلاق").get(0), FigureKind.ORDINAL, 1.0, "تجربة", null);
        }

        @Test
        void firstAfterADefiniteCountIsNoRankOfItsOwn() {
            assertThat(ar("نمت الصادرات خلال الأسابيع الستة الأولى من الموسم")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.ORDINAL);
            assertThat(ar("تنافست المدارس على المقاعد العشرة الأولى في الترتيب")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.COUNT);
            assertThat(ar("خسر الفريق المباراة الأولى")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.ORDINAL);
        }

        @Test
        void aMinuteOfAMatchInDigitsRanksIt() {
            List<FigureMention> f = ar("سجل المهاجم في الدقيقة 65 وأضاف زميله هدفا بالدقيقة 89 قرر بعدها الحكم");
            assertFigure(figure(f, "65"), FigureKind.ORDINAL, 65.0, "دقيقة", null);
            assertFigure(figure(f, "89"), FigureKind.ORDINAL, 89.0, "دقيقة", null);
            assertThat(ar("بلغ سعر الدقيقة 50 هللة")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.ORDINAL);
        }

        @Test
        void arabicOrdinalsWithTheNounTheyOrder() {
            List<FigureMention> f = ar("في الدفعة السادسة والأسبوع الثاني والذكرى الحادية والعشرين");
            assertFigure(figure(f, "السادسة"), FigureKind.ORDINAL, 6.0, "دفعة", null);
            assertFigure(figure(f, "الثاني"), FigureKind.ORDINAL, 2.0, "أسبوع", null);
            assertFigure(figure(f, "الحادية والعشرين"), FigureKind.ORDINAL, 21.0, "ذكرى", null);
            assertFigure(ar("افتتح المؤتمر الطبي الدولي الرابع").get(0), FigureKind.ORDINAL, 4.0, "مؤتمر", null);
            // a century is ranked even as the genitive of a plural, which a number after other nouns counts
            assertFigure(ar("شهدت المدينة في بدايات القرن العشرين نهضة").get(0), FigureKind.ORDINAL, 20.0, "قرن",
                    null);
            assertFigure(ar("ارتفعت وقطاعات السوق الخمسة عشر").get(0), FigureKind.COUNT, 15.0, "قطاع", null);
            // a definite number with و glued on starts an item of its own
            assertThat(ar("يكثر الزوار في مواسم الحج والعشر الأواخر")).extracting(FigureMention::unit)
                    .containsOnlyNulls();
        }

        @Test
        void secondAsAgainOrInTheIdiomOfTheOtherHandIsNoRank() {
            assertThat(ar("عادت الأسعار إلى الارتفاع مرة ثانية")).isEmpty();
            assertThat(ar("نظر الرجل إليّ ثانية وابتسم")).isEmpty();
            assertThat(ar("عاد اللاعب إلى النادي ثانية")).isEmpty();
            assertThat(ar("يستغل كل ثانية من وقته")).isEmpty();
            assertThat(ar("تأهلت الفرق التي حلت ثانية في مجموعاتها")).extracting(FigureMention::kind)
                    .contains(FigureKind.ORDINAL);
            assertFigure(ar("شنت الطائرات غارات ثانية على المواقع").get(0), FigureKind.ORDINAL, 2.0, "غارة", null);
            assertThat(ar("ومن جهة ثانية، أعلنت الوزارة خطتها")).isEmpty();
            assertFigure(ar("وصلت إلى الميناء سفينة ثانية").get(0), FigureKind.ORDINAL, 2.0, null, null);
        }

        @Test
        void anOrdinalJoinedToAnotherRanksItsNounInTheSingular() {
            List<FigureMention> f = ar("تراجع الفيلم من المركز الثالث إلى السادس");
            assertFigure(figure(f, "السادس"), FigureKind.ORDINAL, 6.0, "مركز", null);
            List<FigureMention> stages = ar("اكتمل العمل في المرحلتين الأولى والثانية");
            assertFigure(figure(stages, "الأولى"), FigureKind.ORDINAL, 1.0, "مرحلة", null);
            assertFigure(figure(stages, "الثانية"), FigureKind.ORDINAL, 2.0, "مرحلة", null);
        }

        @Test
        void awlyWithAFinalYaIsPrimaryExceptAfterTheNounTheOrdinalAgreesWith() {
            assertThat(ar("عرضت الشركة النموذج الأولي للطائرة بعد تقييم أولي للسوق")).isEmpty();
            assertThat(ar("يستعد المصرف للطرح العام الأولي لأسهمه")).isEmpty();
            assertFigure(figure(ar("استقبلت السيدة الأولي الوفد"), "الأولي"), FigureKind.ORDINAL, 1.0, "سيدة", null);
            assertFigure(figure(ar("منذ الساعات الأولي للصباح"), "الأولي"), FigureKind.ORDINAL, 1.0, "ساعة", null);
        }

        @Test
        void arabicDigitsAfterTheArticleRankASingularNounAndCountOtherwise() {
            List<FigureMention> f = ar("انطلق المهرجان الـ 12 للفيلم وفاز بالجائزة الـ3");
            assertFigure(figure(f, "الـ 12"), FigureKind.ORDINAL, 12.0, "مهرجان", null);
            assertFigure(figure(f, "الـ3"), FigureKind.ORDINAL, 3.0, "جائزة", null);
            assertThat(ar("اجتمع الوزراء الـ 14 أمس")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.ORDINAL);
            assertThat(ar("خلال الـ 15 عاما الأخيرة")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.ORDINAL);
            assertThat(ar("دفع المشتري الـ 40 دينارا")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.MONEY);
            assertThat(ar("صوت أعضاء المجلس الـ 15 بالإجماع")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.ORDINAL);
            assertThat(ar("تفتح المكاتب من الساعة الـ 9 صباحا")).isEmpty();
            assertThat(ar("تلقت الإدارة البلاغ عند الساعة (10.45) صباحا")).isEmpty();
            assertThat(ar("يعقد الاجتماع يوم الاثنين الـ 14 من الشهر")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.ORDINAL);
        }

        @Test
        void englishOrdinals() {
            assertFigure(en("the second round").get(0), FigureKind.ORDINAL, 2.0, "round", null);
            assertFigure(en("its 3rd quarter").get(0), FigureKind.ORDINAL, 3.0, "quarter", null);
            assertThat(en("the twenty-fifth day").get(0).value()).isEqualTo(25.0);
        }

        @Test
        void aHyphenJoinsAnEnglishOrdinalToWhatItRanksUnlessTheyMakeATerm() {
            assertFigure(en("a second-half recovery").get(0), FigureKind.ORDINAL, 2.0, "half", null);
            assertFigure(en("the third-largest paint maker ever").get(0), FigureKind.ORDINAL, 3.0, "maker", null);
            assertFigure(en("its first-ever bond").get(0), FigureKind.ORDINAL, 1.0, "bond", null);
            assertThat(en("a second-rate hotel with first-hand reports on third-world debt")).isEmpty();
            assertThat(en("the first rate cut")).extracting(FigureMention::kind).containsExactly(FigureKind.ORDINAL);
        }
    }

    @Nested
    class Dates {

        private final LocalDate published = LocalDate.of(2020, 11, 12);  // a Thursday

        @Test
        void theYearThatPrecededItCountsBackFromTheYearJustNamed() {
            List<FigureMention> f = extract("نمت الصادرات العام الماضي بعد أن تراجعت في العام الذي سبقه", "ar",
                    LocalDate.of(2015, 8, 6));
            assertThat(figure(f, "العام الذي سبقه").isoValue()).isEqualTo("2013");
        }

        @Test
        void aDayAndMonthAfterAStreetACityOrARevolutionNameIt() {
            assertThat(ar("افتتح المعرض في شارع 15 مايو وسط المدينة")).isEmpty();
            assertThat(ar("تغيرت البلاد كثيرا منذ ثورة 14 يوليو")).isEmpty();
            assertThat(ar("وصل الوفد في 15 مايو")).extracting(FigureMention::kind).containsExactly(FigureKind.DATE);
        }

        @Test
        void bothArabicMonthSeriesAndYears() {
            assertThat(ar("في فبراير 2017").get(0).isoValue()).isEqualTo("2017-02");
            assertThat(ar("يوم 3 كانون الثاني 2019").get(0).isoValue()).isEqualTo("2019-01-03");
            assertThat(ar("في 2 يوليو/تموز 2015").get(0).isoValue()).isEqualTo("2015-07-02");
            assertThat(ar("منذ عام 2009").get(0).kind()).isEqualTo(FigureKind.DATE);
            assertThat(ar("منذ عام 2009").get(0).isoValue()).isEqualTo("2009");
            FigureMention july = figure(ar("يتكرر الخسوف في شهر يوليو في عام 2041"), "يوليو في عام 2041");
            assertThat(july.isoValue()).isEqualTo("2041-07");
        }

        @Test
        void englishAndNumericDates() {
            assertThat(en("Stocks, Aug 31, 1987, at").get(0).isoValue()).isEqualTo("1987-08-31");
            assertThat(en("rose from February, 1984").get(0).isoValue()).isEqualTo("1984-02");
            assertThat(en("filed on 2017-02-15").get(0).isoValue()).isEqualTo("2017-02-15");
            assertThat(en("in 2017-02").get(0).isoValue()).isEqualTo("2017-02");
            assertThat(en("for the 1986/87 season").get(0).isoValue()).isEqualTo("1986/1987");
        }

        @Test
        void aDayInDigitsBeforeTheWordMonthAndItsName() {
            assertThat(figure(ar("تنطلق البطولة في الـ 14 من شهر مارس 2019 بالعاصمة"), "14 من شهر مارس 2019")
                    .isoValue()).isEqualTo("2019-03-14");
            assertThat(figure(extract("يبدأ التسجيل في ال18 من شهر ديسمبر المقبل", "ar", published),
                    "18 من شهر ديسمبر المقبل").isoValue()).isEqualTo("2020-12-18");
        }

        @Test
        void aMonthAheadInAClauseOfThePastIsLastYearsAndOfAYearNamesIt() {
            LocalDate april = LocalDate.of(2021, 4, 8);
            assertThat(extract("The bakery chain opened its third shop in June", "en", april).get(1).isoValue())
                    .isEqualTo("2020-06");
            assertThat(extract("The bakery chain is opening its third shop in June", "en", april).get(1).isoValue())
                    .isEqualTo("2021-06");
            assertThat(extract("its promised plan in June must be bold", "en", april).get(0).isoValue())
                    .isEqualTo("2021-06");
            assertThat(extract("The mill closed in March of 2019", "en", april).get(0).isoValue())
                    .isEqualTo("2019-03");
            assertThat(extract("The mill will reopen by November", "en", april).get(0).isoValue()).isEqualTo("2021-11");
            assertThat(extract("The mill reopened in November", "en", april).get(0).isoValue()).isEqualTo("2020-11");
        }

        @Test
        void aWeekdayInANewspapersNameOrACalendarRuleIsNoDate() {
            assertThat(extract("a poll for the Sunday Herald found", "en", published)).isEmpty();
            assertThat(extract("shops shut for Good Friday and Easter Monday", "en", published)).isEmpty();
            assertThat(extract("contracts expire on the second Thursday of each month", "en", published))
                    .extracting(FigureMention::kind).doesNotContain(FigureKind.DATE);
            assertThat(extract("the poll was taken on Sunday", "en", published)).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.DATE);
        }

        @Test
        void mayAfterTheAndBeforeANounInLowerCaseIsTheMonth() {
            assertThat(extract("the May output of the mines", "en", published).get(0).isoValue()).isEqualTo("2020-05");
            assertThat(en("the May Stores Group said")).isEmpty();
        }

        @Test
        void aYearAfterMidOrEndAndAHyphenIsADateNoCode() {
            assertThat(en("rents rose from mid-2011 to end-2012")).extracting(FigureMention::isoValue)
                    .containsExactly("2011", "2012");
            assertThat(en("the mid-1990s")).extracting(FigureMention::isoValue).containsExactly("199");
        }

        @Test
        void twoMonthsJoinedByAHyphenAreOnePeriodOfOneYear() {
            assertThat(figure(extract("sales in the July-September quarter", "en", published), "July-September")
                    .isoValue()).isEqualTo("2020-07/2020-09");
            assertThat(figure(extract("loadings for March-May 2021", "en", published), "March-May 2021")
                    .isoValue()).isEqualTo("2021-03/2021-05");
            assertThat(extract("prices may-well rise", "en", published)).isEmpty();
        }

        @Test
        void anEnglishWeekdayInAClauseWithWillIsTheNextSuchDay() {
            assertThat(figure(extract("The council will vote on the plan on Monday", "en", published), "Monday")
                    .isoValue()).isEqualTo("2020-11-16");
            assertThat(figure(extract("The figures will be published Thursday", "en", published), "Thursday")
                    .isoValue()).isEqualTo("2020-11-12");
            assertThat(figure(extract("It will grow, the mayor said on Monday", "en", published), "Monday")
                    .isoValue()).isEqualTo("2020-11-09");
            assertThat(figure(extract("The council voted on the plan on Monday", "en", published), "Monday")
                    .isoValue()).isEqualTo("2020-11-09");
        }

        @Test
        void aWeekdayBeforeAgreeingDateIsThatDay() {
            LocalDate may = LocalDate.of(2015, 5, 20);  // a Wednesday
            assertThat(figure(extract("تبدأ الدراسة يوم الأحد الموافق 8 ذي القعدة المقبل", "ar", may), "الأحد")
                    .isoValue()).isEqualTo("2015-08-23");
            assertThat(figure(extract("يغلق التسجيل يوم الثلاثاء الموافق 12/10/1436 في المدارس", "ar", may),
                    "الثلاثاء").isoValue()).isEqualTo("2015-07-28");
            assertThat(figure(extract("تنطلق الرحلات يوم الخميس الموافق 20 أغسطس من المطار", "ar", may), "الخميس")
                    .isoValue()).isEqualTo("2015-08-20");
            // a publication day outside the Hijri calendar's table: no Hijri reading, and no failure
            assertThat(figure(extract("تبدأ الدراسة يوم الأحد الموافق 8 ذي القعدة المقبل", "ar",
                    LocalDate.of(1857, 5, 20)), "الأحد").kind()).isEqualTo(FigureKind.DATE);
        }

        @Test
        void aWeekdayBeforeADateIsThatDate() {
            LocalDate july = LocalDate.of(2015, 7, 21);  // a Tuesday
            assertThat(figure(extract("وقع الانفجار يوم الجمعة 26 يونيو الفائت في المدينة", "ar", july), "الجمعة")
                    .isoValue()).isEqualTo("2015-06-26");
            assertThat(figure(extract("عقد المؤتمر يوم الثلاثاء 28 مارس (آذار) 1978 في العاصمة", "ar", july),
                    "الثلاثاء").isoValue()).isEqualTo("1978-03-28");
            // a Hijri date's year places it; the Umm al-Qura day may lie one from the weekday a sighting gave
            assertThat(figure(extract("توفي الشيخ يوم الاثنين 2 ربيع الأول 1373 في مكة", "ar", july), "الاثنين")
                    .isoValue()).isEqualTo("1953-11-09");
            assertThat(figure(extract("يبدأ التسجيل يوم الأحد 10 شوال في الجامعة", "ar", july), "الأحد")
                    .isoValue()).isEqualTo("2015-07-26");
            assertThat(figure(extract("أغلق الباب يوم الخميس، 22/9/1436هـ أمام المتقدمين", "ar", july), "الخميس")
                    .isoValue()).isEqualTo("2015-07-09");
            // a number after the weekday that begins no date leaves the last such weekday
            assertThat(figure(extract("قتل يوم الجمعة 3 مسلحين في الهجوم", "ar", july), "الجمعة").isoValue())
                    .isEqualTo("2015-07-17");
        }

        @Test
        void aWeekdayThatRecursIsNoDate() {
            assertThat(extract("تغلق المتاجر أيام الأحد في معظم المدن", "ar", published))
                    .extracting(FigureMention::kind).doesNotContain(FigureKind.DATE);
            assertThat(extract("تقام العروض يومي الخميس والجمعة من كل أسبوع في الحديقة", "ar", published))
                    .extracting(FigureMention::kind).doesNotContain(FigureKind.DATE);
            assertThat(extract("يجتمع المجلس الأربعاء أسبوعيا في مقره", "ar", published))
                    .extracting(FigureMention::kind).doesNotContain(FigureKind.DATE);
            // the same weekdays once: the last such days
            assertThat(figure(extract("تقام العروض يومي الخميس والجمعة في الحديقة", "ar", published), "الجمعة")
                    .isoValue()).isEqualTo("2020-11-06");
            // after a number, أيام is a stretch of named days
            assertThat(figure(extract("انطلقت الدورة أمس ولمدة أربعة أيام الاثنين، الثلاثاء", "ar", published),
                    "الاثنين").kind()).isEqualTo(FigureKind.DATE);
        }

        @Test
        void anArabicDayListedBeforeLaterDaysOfAMonth() {
            LocalDate august = LocalDate.of(2015, 8, 8);
            assertThat(figure(extract("يعقد اجتماع آخر في 6 و 7 سبتمبر القادم في باريس", "ar", august), "6")
                    .isoValue()).isEqualTo("2015-09-06");
            List<FigureMention> days = extract("التقطت الصور في 12 و19 و26 يوليو 2015 فوق البحر", "ar", august);
            assertThat(figure(days, "12").isoValue()).isEqualTo("2015-07-12");
            assertThat(figure(days, "19").isoValue()).isEqualTo("2015-07-19");
            // a number before a larger one that no month follows stays a number
            assertThat(figure(extract("فاز 6 و 7 لاعبين في الدور", "ar", august), "6").kind())
                    .isNotEqualTo(FigureKind.DATE);
        }

        @Test
        void aWeekdayBeforeADateOfAMonthIsThatDay() {
            LocalDate may = LocalDate.of(2015, 5, 20);  // a Wednesday
            assertThat(figure(extract("يفتح الباب حتى يوم الخميس 28 شوال الموافق 13 أغسطس", "ar", may), "الخميس")
                    .isoValue()).isEqualTo("2015-08-13");
            assertThat(figure(extract("تبدأ المحاضرات الأحد 22 / 11 / 1436هـ في الكلية", "ar", may), "الأحد")
                    .isoValue()).isEqualTo("2015-09-06");
            assertThat(figure(extract("غادر الوفد صباح الجمعة 06/01/2012م إلى الخارج", "ar", may), "الجمعة")
                    .isoValue()).isEqualTo("2012-01-06");
            // the year written decides the day, however far from publication
            assertThat(figure(extract("بدأ الاجتياح فجر الخميس 2 أغسطس 1990 م على الحدود", "ar", may), "الخميس")
                    .isoValue()).isEqualTo("1990-08-02");
            // a number after a weekday that is no day of a month leaves the weekday to the publication day
            assertThat(figure(extract("وصل الأحد 5 مسافرين إلى المطار", "ar", may), "الأحد").isoValue())
                    .isEqualTo("2015-05-17");
        }

        @Test
        void aWeekdayRightBeforeAHijriDateIsThatDayOrNone() {
            LocalDate august = LocalDate.of(2015, 8, 3);  // a Monday, 18 Shawwal 1436
            assertThat(figure(extract("يبدأ القيد يوم السبت السابع من شهر ذي القعدة المقبل", "ar", august), "السبت")
                    .isoValue()).isEqualTo("2015-08-22");
            assertThat(figure(extract("ينتهي التسجيل يوم الخميس الـ 4 من ذي الحجة", "ar", august), "الخميس")
                    .isoValue()).isEqualTo("2015-09-17");
            assertThat(figure(extract("توفي يوم الإثنين 2 ربيع الأول 1373 في الطائف", "ar", august), "الإثنين")
                    .isoValue()).isEqualTo("1953-11-09");
            assertThat(extract("يبدأ الترشح يوم الأحد الـ 5 من شهر ذي القعدة", "ar", august))
                    .as("the 5th is no Sunday").extracting(FigureMention::kind).doesNotContain(FigureKind.DATE);
            assertThat(figure(extract("وقع التفجير في الجمعة الثانية من شهر رمضان", "ar", august), "الجمعة")
                    .isoValue()).as("the second Friday, not the second day").isNotEqualTo("2015-06-19");
        }

        @Test
        void yearsOfTheGregorianEraByTheirMark() {
            FigureMention era = figure(ar("شيد القصر سنة 120 للهجرة الموافق 738 ميلادية، وما زال قائما"), "738");
            assertThat(era.kind()).isEqualTo(FigureKind.DATE);
            assertThat(era.isoValue()).isEqualTo("0738");
            assertThat(figure(ar("رحل الفيلسوف عام 1632م) تاركا كتبه"), "1632م").isoValue()).isEqualTo("1632");
            assertThat(figure(ar("انتصر الجيش في 1714م. ثم عاد"), "1714م").isoValue()).isEqualTo("1714");
            assertThat(figure(ar("ولد الطبيب عام 965 م قرب المدينة"), "965").isoValue()).isEqualTo("0965");
            assertThat(ar("انحدرت السيارة لمسافة 160م، ثم توقفت")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.DATE);
            assertThat(figure(ar("فتح الحصن سنة 610هـ = 1213م بعد حصار طويل"), "1213م").isoValue()).isEqualTo("1213");
            assertThat(figure(ar("بني الجامع في عام 95 هـ/ 713 م على الساحل"), "713").isoValue()).isEqualTo("0713");
            assertThat(figure(ar("حكم الإقليم أمير قوي (1540 – 1562م) ثم خلفه ابنه"), "1540 – 1562م").isoValue())
                    .isEqualTo("1540/1562");
            assertThat(figure(ar("أنشئ خزان سعة (2000م3) للمياه"), "2000م3").unit()).isEqualTo("m3");
            assertThat(figure(ar("دخل الجيش المدينة في 9 يوليو 1187م بعد الحصار"), "9 يوليو 1187م").isoValue())
                    .isEqualTo("1187-07-09");
            assertThat(figure(ar("أقيمت البطولة في الموافق 12 - 4 - 2013م بمشاركة واسعة"), "12 - 4 - 2013").isoValue())
                    .isEqualTo("2013-04-12");
        }

        @Test
        void numericDatesWithSpacesAroundTheirSlashes() {
            assertThat(figure(ar("صدر القرار الموافق 18 / 6 / 2015م"), "18 / 6 / 2015").isoValue())
                    .isEqualTo("2015-06-18");
        }

        @Test
        void levantineMonthsAlsoWithoutTheArticle() {
            assertThat(figure(ar("يسري القرار اعتبارا من كانون ثان/يناير 2017"), "كانون ثان/يناير 2017").isoValue())
                    .isEqualTo("2017-01");
            assertThat(figure(ar("حتى نهاية تشرين أول/أكتوبر 2016"), "تشرين أول/أكتوبر 2016").isoValue())
                    .isEqualTo("2016-10");
        }

        @Test
        void arabicFirstBeforeAMonthIsItsFirstDay() {
            FigureMention first = figure(extract("تسري الأسعار الجديدة اعتبارا من أول مارس المقبل", "ar", published),
                    "أول مارس المقبل");
            assertThat(first.kind()).isEqualTo(FigureKind.DATE);
            assertThat(first.isoValue()).isEqualTo("2021-03-01");
            assertThat(figure(ar("بلغ أدنى مستوى منذ أول فبراير 2016"), "أول فبراير 2016").isoValue())
                    .isEqualTo("2016-02-01");
            assertThat(ar("كان أول أب يشارك في البرنامج")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.DATE);
            assertThat(ar("يعد أول فاب لاب في المنطقة")).extracting(FigureMention::kind)
                    .doesNotContain(FigureKind.DATE);
        }

        @Test
        void yearsAfterBetweenOrFromBoundOnePeriod() {
            FigureMention between = figure(ar("تولى رئاسة النادي في الفترة ما بين 1998 و2006م."), "ما بين 1998 و2006م");
            assertThat(between.kind()).isEqualTo(FigureKind.DATE);
            assertThat(between.isoValue()).isEqualTo("1998/2006");
            assertThat(figure(ar("حكم الإقليم من 1961 إلى 1970 ثم اعتزل"), "من 1961 إلى 1970").isoValue())
                    .isEqualTo("1961/1970");
            List<FigureMention> dual = extract("لعب للفريق بين عامي 1986 و 1990، وفي العام السابق فاز بالدوري", "ar", published);
            assertThat(figure(dual, "بين عامي 1986 و 1990").isoValue()).isEqualTo("1986/1990");
            assertThat(figure(dual, "العام السابق").isoValue()).isEqualTo("1989");
            assertThat(figure(en("loans falling due between 1988 and 1993, he said"), "between 1988 and 1993")
                    .isoValue()).isEqualTo("1988/1993");
            assertThat(ar("ارتفع العدد من 1900 إلى 2100 مشترك")).extracting(FigureMention::isoValue)
                    .doesNotContain("1900/2100");
            assertThat(en("trading from 1800 to 2100 local Chicago time")).extracting(FigureMention::isoValue)
                    .doesNotContain("1800/2100");
        }

        @Test
        void monthsWithoutAYearTakeItFromThePublicationDate() {
            FigureMention range = extract("من يناير إلى نهاية سبتمبر الماضيين", "ar", published).get(0);
            assertThat(range.isoValue()).isEqualTo("2020-01/2020-09");
            FigureMention unknownYear = ar("من يناير إلى نهاية سبتمبر الماضيين").get(0);
            assertThat(unknownYear.isoValue()).isEqualTo("--01/--09");
            assertThat(extract("حتى نوفمبر الماضي", "ar", published).get(0).isoValue()).isEqualTo("2019-11");
        }

        @Test
        void relativeDatesResolveAgainstThePublicationDate() {
            assertThat(extract("قال أمس", "ar", published).get(0).isoValue()).isEqualTo("2020-11-11");
            assertThat(extract("he said yesterday", "en", published).get(0).isoValue()).isEqualTo("2020-11-11");
            assertThat(extract("met last Tuesday", "en", published).get(0).isoValue()).isEqualTo("2020-11-10");
            assertThat(extract("وصل الأحد الماضي", "ar", published).get(0).isoValue()).isEqualTo("2020-11-08");
            assertThat(extract("fell last month", "en", published).get(0).isoValue()).isEqualTo("2020-10");
            assertThat(extract("خلال العام الماضي", "ar", published).get(0).isoValue()).isEqualTo("2019");
            assertThat(extract("النتائج المالية للعام الحالي", "ar", published).get(0).isoValue()).isEqualTo("2020");
            assertThat(extract("أعلنت الخطة للعام المقبل", "ar", published).get(0).isoValue()).isEqualTo("2021");
            assertThat(extract("الأسعار للشهر القادم", "ar", published).get(0).isoValue()).isEqualTo("2020-12");
            assertThat(ar("قال أمس")).as("no publication date, nothing to resolve against").isEmpty();
        }

        @Test
        void aPeriodBehindAGluedPrepositionIsARelativeDate() {
            FigureMention plan = extract("أعلنت الهيئة خطتها للعام المقبل", "ar", published).get(0);
            assertThat(plan.text()).isEqualTo("للعام المقبل");
            assertThat(plan.isoValue()).isEqualTo("2021");
            FigureMention compared = extract("ارتفعت المبيعات مقارنة بالعام الماضي", "ar", published).get(0);
            assertThat(compared.text()).isEqualTo("العام الماضي");
            assertThat(compared.isoValue()).isEqualTo("2019");
            assertThat(extract("ارتفعت الإيرادات في 2016 مقارنة بالعام السابق", "ar", published))
                    .extracting(FigureMention::text).containsExactly("2016");
        }

        @Test
        void aMonthNameThatIsAlsoAWordNeedsContext() {
            assertThat(en("officials may meet")).isEmpty();
            assertThat(ar("مارس الضغط على الحكومة")).isEmpty();
            assertThat(ar("في مارس الماضي").get(0).isoValue()).isEqualTo("--03");
        }
    }

    @Nested
    class Labels {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = "|", value = {
            "جائحة «كوفيد ـ 19» | ar", "جائحة كوفيد-19 | ar", "the COVID-19 pandemic | en", "a Boeing 737 jet | en",
            "the G20 summit | en", "under Article 5 of the treaty | en", "وفق المادة 12 من القانون | ar",
            "القرار رقم 2254 | ar", "call +971 4 123 4567 now | en", "call 800-555-0199 now | en",
            "see https://example.com/2020/05/report-12 | en", "write to desk2@example.com | en", "an F-16 crashed | en",
            "M3 money supply | en", "the 5G network | en", "futures on the Standard and Poor's 500 stock index | en",
            "فازت الممثلة إيما ستون، وغابت | ar",
            "نشرت مجلة «رولنغ ستون» | ar", "أرسل رسالة إلى 77123 - Stc | ar",
            "أرسل رسالة إلى 612345 موبايلي | ar", "نحن على قلب رجل واحد ضد الإرهاب | ar",
            "القراء ليسوا على قلب قارئ واحد | ar",
        })
        void numbersInsideNamesAndCodesAreNotFigures(String text, String language) {
            assertThat(extract(text, language, null)).as(text).isEmpty();
        }

        @Test
        void sixtyThatAlsoSpellsStoneCountsOnlyWithSomethingAfterIt() {
            assertThat(ar("وصل ستون منهم إلى الحدود").get(0).value()).isEqualTo(60.0);
            assertThat(ar("أمهلهم ستون يوما").get(0).value()).isEqualTo(60.0);
        }

        @Test
        void aWrappedLineMayBreakAnIndexName() {
            assertThat(en("traders in the Widget 100\nIndex pit")).isEmpty();
            assertThat(en("the Widget and Gadget's 250 futures fell")).isEmpty();
            assertThat(en("Widgetland's 250 biggest firms")).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.COUNT);
        }

        @Test
        void aHijriYearIsNotACount() {
            assertThat(ar("في عام 1436هـ")).isEmpty();
        }
    }

    @Nested
    class OtherLanguages {

        @Test
        void onlyLanguageIndependentFiguresPassThrough() {
            List<FigureMention> f = extract("Le chômage a atteint 8,5 % en 2019, soit trois points de plus, pour 12 €.",
                    "fr", null);
            assertThat(f).extracting(FigureMention::kind)
                    .containsExactly(FigureKind.PERCENT, FigureKind.DATE, FigureKind.MONEY);
            assertThat(f.get(0).value()).isEqualTo(8.5);
            assertThat(f.get(2).currency()).isEqualTo("EUR");
        }
    }

    /** Press and wire conventions seen in the shared real stories (cases written for the project). */
    @Nested
    class PressConventions {

        @Test
        void aBareScaledNumberRepeatsTheMoneyOrQuantityBeforeIt() {
            List<FigureMention> f = en("Net rose to 7.5 mln dlrs from 512 mln, and output was 3.2 mln bpd from 3.1 mln.");
            assertFigure(figure(f, "512 mln"), FigureKind.MONEY, 512e6, null, "USD");
            assertFigure(figure(f, "3.1 mln"), FigureKind.QUANTITY, 3.1e6, "barrel per day", null);
            List<FigureMention> a = ar("باعوا أسهما بـ2.69 مليار ريال واشتروا بـ2.44 مليار من خلال 52 ألف صفقة");
            assertFigure(figure(a, "2.44 مليار"), FigureKind.MONEY, 2.44e9, null, "SAR");
            assertFigure(figure(en("The deficit was 40 mln dlrs after a 71 mln deficit."), "71 mln"),
                    FigureKind.MONEY, 71e6, null, "USD");
        }

        @Test
        void shareCountsAndUnscaledNumbersStayNumbers() {
            List<FigureMention> f = en("Net 4.2 mln dlrs vs 3.1 mln dlrs\n    Avg shrs 20.0 mln vs 19.8 mln");
            assertThat(figure(f, "20.0 mln").kind()).isEqualTo(FigureKind.NUMBER);
            assertThat(figure(f, "19.8 mln").kind()).isEqualTo(FigureKind.NUMBER);
            assertThat(figure(en("It paid 5 mln dlrs to 40 people and 12 more."), "12").kind())
                    .isEqualTo(FigureKind.NUMBER);
        }

        @Test
        void theStorysOwnDollarOrDirham() {
            List<FigureMention> f = en("H.K. MONEY SUPPLY RISES\n\nM3 rose to 615 billion H.K. dlrs and M2 to 282 billion dlrs.");
            assertThat(figure(f, "282 billion dlrs").currency()).isEqualTo("HKD");
            assertThat(figure(en("Canadian money supply rose 217 mln dlrs."), "217 mln dlrs").currency())
                    .isEqualTo("CAD");
            assertThat(figure(ar("الحكومة المغربية تقترض 24.8 مليار درهم"), "24.8 مليار درهم").currency())
                    .isEqualTo("MAD");
            // the default stays when the US is named too, or when the bare mention comes first
            assertThat(figure(en("U.S. and Canadian banks lent 5 mln dlrs."), "5 mln dlrs").currency()).isEqualTo("USD");
            assertThat(figure(en("It earned 2 mln dlrs and 3 mln Canadian dlrs."), "2 mln dlrs").currency())
                    .isEqualTo("USD");
        }

        @Test
        void wireMixedFractionsOfAPercent() {
            assertFigure(en("of 7-1/8 pct euronotes").get(0), FigureKind.PERCENT, 7.125, null, null);
            assertThat(en("rated 3-1 in the final")).noneMatch(x -> x.kind() == FigureKind.PERCENT);
        }

        @Test
        void aChangeFromMoreToLessIsNotARange() {
            List<FigureMention> f = ar("قلص صافي مبيعاته من 852.2 مليون ريال إلى 147.2 مليون ريال");
            assertThat(f).extracting(FigureMention::kind).containsExactly(FigureKind.MONEY, FigureKind.MONEY);
            assertThat(figure(ar("بين 22 % و100%"), "بين 22 % و100%").kind()).isEqualTo(FigureKind.RANGE);
        }

        @Test
        void aGivenNameIsNotAnOrdinal() {
            List<FigureMention> f = ar("وزير الدولة للتجارة الخارجية ثاني بن أحمد الزيودي في الدورة الثانية");
            assertThat(f).extracting(FigureMention::text).containsExactly("الثانية");
        }

        @Test
        void figuresStopAtABlankLine() {
            List<FigureMention> f = ar("- 549\n\nطفلاً أنقذتهم الحملة");
            assertFigure(f.get(0), FigureKind.NUMBER, 549.0, null, null);
            assertThat(f.get(0).text()).isEqualTo("549");
            assertThat(en("sales of 20 mln\n    Year results").get(0).kind()).isNotEqualTo(FigureKind.DURATION);
        }

        @Test
        void aMonthFarAheadOfPublicationIsLastYears() {
            LocalDate march = LocalDate.of(1987, 3, 20);
            assertThat(extract("revised from 207 mln in December", "en", march).get(1).isoValue())
                    .isEqualTo("1986-12");
            assertThat(extract("deliveries in April", "en", march).get(0).isoValue()).isEqualTo("1987-04");
            assertThat(extract("wheat for June 12 shipment", "en", march).get(0).isoValue()).isEqualTo("1987-06-12");
            assertThat(extract("عقود تسليم أغسطس", "ar", LocalDate.of(2015, 7, 25)).get(0).isoValue())
                    .isEqualTo("2015-08");
        }

        @Test
        void datesAsThePressWritesThem() {
            LocalDate aug = LocalDate.of(2015, 8, 8);
            assertThat(extract("منذ مارس آذار الماضي", "ar", aug).get(0).text()).isEqualTo("مارس آذار الماضي");
            assertThat(extract("منذ فبراير شباط 2010", "ar", aug).get(0).isoValue()).isEqualTo("2010-02");
            assertThat(extract("خلال شهر مايو من عام 2014", "ar", aug).get(0).isoValue()).isEqualTo("2014-05");
            assertThat(extract("خلال شهر مايو من العام الماضي", "ar", aug).get(0).isoValue()).isEqualTo("2014-05");
            assertThat(extract("خلال عام 2013 - 2014 ارتفع", "ar", aug).get(0).isoValue()).isEqualTo("2013/2014");
            assertThat(extract("بين 2004 - 1990", "ar", aug)).noneMatch(f -> "2004/1990".equals(f.isoValue()));
            LocalDate march = LocalDate.of(1987, 3, 11);
            assertThat(extract("in the October to December quarter", "en", march).get(0).isoValue())
                    .isEqualTo("1986-10/1986-12");
            assertThat(extract("fell in February after a rise in the previous month", "en", march).get(1).isoValue())
                    .isEqualTo("1987-01");
            assertThat(extract("rose in 2014 from the previous year", "en", march).get(1).isoValue())
                    .isEqualTo("2013");
            assertThat(extract("بحلول الساعة 1847 بتوقيت جرينتش", "ar", aug)).isEmpty();
        }

        /** Arabic dates that take their year, month or weekday from the words around them (published 2015-08-08). */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "احتفلت المدينة في الثاني من أغسطس عام 1990 | 1990-08-02",
            "بعد هجمات 11 سبتمبر عام 2001 تغير كل شيء | 2001-09-11",
            "تراجعت الأسعار منذ يونيو العام الماضي | 2014-06",
            "يبدأ البرنامج في مارس العام المقبل | 2016-03",
            "يصل الوفد في يناير المقبلين | 2016-01",
            "شهدت المدن الجمعة والسبت مسيرات حاشدة | 2015-08-07 2015-08-08",
            "ستقام الورشة يومي الأربعاء والخميس المقبلين | 2015-08-12 2015-08-13",
            "يستمر المعرض حتى السادس من الشهر المقبل | 2015-09-06",
            "افتتح المعرض في الـ 7 من الشهر الجاري | 2015-08-07",
            "بدأ تطبيق القرار في الأول من الشهر الماضي | 2015-07-01"
        })
        void arabicDatesPlacedByTheWordsAroundThem(String text, String isoValues) {
            assertThat(extract(text, "ar", LocalDate.of(2015, 8, 8))).extracting(FigureMention::isoValue)
                    .containsExactly(isoValues.split(" "));
        }

        @Test
        void wireUnitsAndTables() {
            assertFigure(en("forecast at 7.21 mln ha in 1986").get(0), FigureKind.QUANTITY, 7.21e6, "hectare", null);
            assertFigure(en("rose to 16.16 mln barrels per day").get(0), FigureKind.QUANTITY, 16.16e6,
                    "barrel per day", null);
            assertThat(en("estimates are, Denmark 69 (69), France 419 (421).")).extracting(FigureMention::value)
                    .containsExactly(69.0, 69.0, 419.0, 421.0);
            assertThat(en("It flew the Boeing 737 to Paris.")).isEmpty();
            assertThat(en("Gold 4.71 billion (4.90 billion and 3.83 billion)")).extracting(FigureMention::value)
                    .containsExactly(4.71e9, 4.90e9, 3.83e9);
        }

        @Test
        void percentWrittenWithInAndTheSign() {
            assertFigure(ar("تراجع المؤشر 0.6 في % إلى 4809 نقاط").get(0), FigureKind.PERCENT, 0.6, null, null);
        }
    }
}
