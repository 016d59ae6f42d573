package io.newsflow.extraction.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.figures.eval.ArticleGoldEvaluation;
import io.newsflow.extraction.figures.eval.FigureGoldEvaluation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offset gold over the real shared stories (10 Arabic, 10 English): floors at what the extractor reaches, so a
 * regression on Reuters or Arabic press conventions fails the build. Skips when the shared stories are absent.
 */
class ArticleGoldEvaluationTest {

    @Test
    void realStories() throws IOException {
        FigureGoldEvaluation.Result result = ArticleGoldEvaluation.evaluateBundled(SharedData.require("articles"),
                FigureAssert.EXTRACTOR);
        String report = result.report() + String.join("\n", result.misses());
        assertThat(result.total().precision()).as(report).isGreaterThanOrEqualTo(FLOOR_ALL);
        assertThat(result.total().recall()).as(report).isGreaterThanOrEqualTo(FLOOR_ALL);
        floor(result, FigureKind.MONEY, 0.98, report);
        floor(result, FigureKind.PERCENT, 0.98, report);
        floor(result, FigureKind.QUANTITY, 0.98, report);
        floor(result, FigureKind.DATE, 0.98, report);
    }

    private static void floor(FigureGoldEvaluation.Result result, FigureKind kind, double floor, String report) {
        assertThat(result.score(kind).precision()).as(kind + " precision\n" + report).isGreaterThanOrEqualTo(floor);
        assertThat(result.score(kind).recall()).as(kind + " recall\n" + report).isGreaterThanOrEqualTo(floor);
    }

    private static final double FLOOR_ALL = 0.97;
}
