package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.List;

/** Finds every figure in a story: numbers with what they count, money, percentages, quantities, dates. */
public final class FigureExtractor {

    public static FigureExtractor create() {
        return new FigureExtractor();
    }

    private FigureExtractor() {
    }

    public List<FigureMention> extract(String text, String language, LocalDate publishedDate) {
        return List.of();
    }
}
