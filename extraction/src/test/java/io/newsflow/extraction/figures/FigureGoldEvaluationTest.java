package io.newsflow.extraction.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.figures.eval.FigureGoldEvaluation;
import org.junit.jupiter.api.Test;

/** The bundled sample stories: a regression guard on precision and recall, per kind the stories exercise. */
class FigureGoldEvaluationTest {

    @Test
    void bundledGoldSet() {
        FigureGoldEvaluation.Result result = FigureGoldEvaluation.evaluateBundled(FigureAssert.EXTRACTOR);
        String report = result.report() + String.join("\n", result.misses());
        assertThat(result.total().precision()).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(result.total().recall()).as(report).isGreaterThanOrEqualTo(0.95);
        for (FigureKind kind : new FigureKind[] {FigureKind.COUNT, FigureKind.PERCENT, FigureKind.QUANTITY,
            FigureKind.DATE, FigureKind.DURATION}) {
            assertThat(result.score(kind).recall()).as(report).isEqualTo(1.0);
        }
    }
}
