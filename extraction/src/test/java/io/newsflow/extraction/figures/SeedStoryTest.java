package io.newsflow.extraction.figures;

import static io.newsflow.extraction.figures.FigureAssert.assertFigure;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import io.newsflow.extraction.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference story (shared/data/seed): every figure it reports, checked by reading it, with its value and what
 * it counts. The story is read from the shared folder at test time and never copied here.
 */
class SeedStoryTest {

    private static String text;
    private static List<FigureMention> figures;

    @BeforeAll
    static void read() throws IOException {
        Path seed;
        try (Stream<Path> files = Files.list(SharedData.require("seed"))) {
            seed = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        text = Files.readString(seed);
        figures = FigureAssert.extract(text, "ar", null);
    }

    private static List<FigureMention> withText(String surface) {
        return figures.stream().filter(f -> f.text().equals(surface)).toList();
    }

    private static FigureMention only(String surface) {
        List<FigureMention> found = withText(surface);
        assertThat(found).as("«%s» in %s", surface, figures).isNotEmpty();
        return found.get(0);
    }

    @Test
    void countsWithTheirNouns() {
        assertThat(withText("771 متهماً")).hasSize(2)
                .allSatisfy(f -> assertFigure(f, FigureKind.COUNT, 771.0, "متهم", null));
        assertThat(withText("580 موقعاً")).hasSize(2)
                .allSatisfy(f -> assertFigure(f, FigureKind.COUNT, 580.0, "موقع", null));
        assertFigure(only("11 دولة"), FigureKind.COUNT, 11.0, "دولة", null);
        assertThat(withText("549 طفلاً")).hasSize(1)
                .allSatisfy(f -> assertFigure(f, FigureKind.COUNT, 549.0, "طفل", null));
        assertFigure(only("تسع دول"), FigureKind.COUNT, 9.0, "دولة", null);
        assertFigure(only("3 خبراء"), FigureKind.COUNT, 3.0, "خبير", null);
        assertThat(withText("ثلاثة خبراء")).hasSize(2)
                .allSatisfy(f -> assertFigure(f, FigureKind.COUNT, 3.0, "خبير", null));
        assertFigure(only("ثلاثة أهداف"), FigureKind.COUNT, 3.0, "هدف", null);
        assertFigure(only("91 منتسباً"), FigureKind.COUNT, 91.0, "منتسب", null);
        assertFigure(only("30 جهة"), FigureKind.COUNT, 30.0, "جهة", null);
        assertFigure(only("24 مشاركاً"), FigureKind.COUNT, 24.0, "مشارك", null);
        assertFigure(only("أربعة منتسبين"), FigureKind.COUNT, 4.0, "منتسب", null);
    }

    @Test
    void numbersWhoseNounIsUnderstoodFromTheList() {
        assertFigure(only("اثنين"), FigureKind.COUNT, 2.0, "مشارك", null);
        assertFigure(only("خمسة"), FigureKind.COUNT, 5.0, "مشارك", null);
    }

    @Test
    void theHighlightStopsAtTheBlankLine() {
        // "549\n\nطفلاً": a figure never reaches into the next paragraph, so the highlight box is a bare number
        FigureMention highlight = figures.get(figures.size() - 1);
        assertFigure(highlight, FigureKind.NUMBER, 549.0, null, null);
        assertThat(highlight.text()).isEqualTo("549");
    }

    @Test
    void durationsAndTheDual() {
        FigureMention days = only("يومين");
        assertFigure(days, FigureKind.DURATION, 2.0, "day", null);
        assertThat(days.isoValue()).isEqualTo("P2D");
        FigureMention months = only("خمسة أشهر");
        assertFigure(months, FigureKind.DURATION, 5.0, "month", null);
        assertThat(months.isoValue()).isEqualTo("P5M");
    }

    @Test
    void ordinals() {
        assertThat(withText("السادسة")).hasSize(2)
                .allSatisfy(f -> assertFigure(f, FigureKind.ORDINAL, 6.0, "دفعة", null));
        assertFigure(only("الثاني"), FigureKind.ORDINAL, 2.0, "أسبوع", null);
        assertFigure(only("الأولى"), FigureKind.ORDINAL, 1.0, null, null);
    }

    @Test
    void datesAndTheDateRanges() {
        assertThat(only("فبراير 2017").isoValue()).isEqualTo("2017-02");
        assertThat(only("من يناير إلى نهاية سبتمبر الماضيين").isoValue()).isEqualTo("--01/--09");
        assertThat(only("ما بين الأول من يناير إلى نهاية سبتمبر الماضيين").isoValue()).isEqualTo("--01-01/--09");
    }

    @Test
    void theDiseaseNameIsNotAFigure() {
        int mentions = text.split("كوفيد ـ 19", -1).length - 1;
        assertThat(mentions).isEqualTo(3);
        assertThat(figures).noneMatch(f -> f.text().contains("19"));
    }

    @Test
    void nothingElse() {
        assertThat(figures).filteredOn(f -> f.kind() == FigureKind.NUMBER).extracting(FigureMention::text)
                .containsExactly("549");
        assertThat(figures).hasSize(28);
    }
}
