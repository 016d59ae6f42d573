package io.newsflow.extraction.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.figures.eval.NumberCasesEvaluation;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The project's floor on the shared number cases: 90% of the number, ordinal, percent and money rows. */
class NumberCasesFloorTest {

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void atLeastNinetyPercentRight(String language) throws IOException {
        NumberCasesEvaluation.Result result = NumberCasesEvaluation.evaluate(
                SharedFolder.data("numbers").resolve(language + ".tsv"), FigureAssert.EXTRACTOR);
        assertThat(result.overall()).as(result.report() + result.missesReport()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.score("money").accuracy()).as(result.report()).isGreaterThanOrEqualTo(0.90);
    }
}
