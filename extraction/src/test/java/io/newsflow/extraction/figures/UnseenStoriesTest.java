package io.newsflow.extraction.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.figures.eval.ArticleGoldEvaluation;
import io.newsflow.extraction.figures.eval.FigureGoldEvaluation;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unseen check: 20 corpus stories annotated by hand, that no figure rule was written against. Floors by value
 * (overlapping span, kind and value) and on the counted noun or unit of the matched counts and quantities. Skips
 * when the shared corpus is absent.
 */
class UnseenStoriesTest {

    @ParameterizedTest
    @CsvSource({"ar, 0.93, 0.85", "en, 0.93, 0.85"})
    void byValue(String language, double f1, double units) throws IOException {
        FigureGoldEvaluation.Result result = ArticleGoldEvaluation.evaluateUnseen(
                SharedData.require("corpus").resolve("news.jsonl"), language, FigureAssert.EXTRACTOR);
        String report = result.report();
        assertThat(result.values().f1()).as(report).isGreaterThanOrEqualTo(f1);
        assertThat(result.values().unitsShare()).as(report).isGreaterThanOrEqualTo(units);
    }
}
