package io.newsflow.extraction.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.List;

/** Extraction with the shared extractor and lookups by surface text, so tests read like the cases they check. */
final class FigureAssert {

    static final FigureExtractor EXTRACTOR = FigureExtractor.create();

    private FigureAssert() {
    }

    static List<FigureMention> ar(String text) {
        return check(text, EXTRACTOR.extract(text, "ar", null));
    }

    static List<FigureMention> en(String text) {
        return check(text, EXTRACTOR.extract(text, "en", null));
    }

    static List<FigureMention> extract(String text, String language, LocalDate published) {
        return check(text, EXTRACTOR.extract(text, language, published));
    }

    /** Offsets must always point at the text the figure reports. */
    private static List<FigureMention> check(String text, List<FigureMention> figures) {
        for (FigureMention f : figures) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
        }
        return figures;
    }

    /** The only figure whose text is exactly {@code surface}. */
    static FigureMention figure(List<FigureMention> figures, String surface) {
        List<FigureMention> matching = figures.stream().filter(f -> f.text().equals(surface)).toList();
        assertThat(matching).as("figures with text «%s» in %s", surface, figures).hasSize(1);
        return matching.get(0);
    }

    static void assertFigure(FigureMention f, FigureKind kind, Double value, String unit, String currency) {
        assertThat(f.kind()).as("kind of %s", f).isEqualTo(kind);
        assertThat(f.value()).as("value of %s", f).isEqualTo(value);
        assertThat(f.unit()).as("unit of %s", f).isEqualTo(unit);
        assertThat(f.currency()).as("currency of %s", f).isEqualTo(currency);
    }
}
