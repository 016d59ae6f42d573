package io.newsflow.extraction.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.figures.eval.NumberCasesEvaluation;
import java.io.IOException;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Floors on the shared number cases, per kind and overall, under the evaluation's strict scoring. The shared third
 * is development material (rules were written while reading it), so these floors guard against regressions a little
 * under what the extractor reaches there; they are not an estimate for unseen text.
 */
class NumberCasesFloorTest {

    private static final Map<String, Map<String, Double>> FLOORS = Map.of(
            "ar", Map.of("number", 0.95, "ordinal", 0.88, "percent", 0.95, "money", 0.95),
            "en", Map.of("number", 0.92, "ordinal", 0.90, "percent", 0.80, "money", 0.97));
    private static final Map<String, Double> OVERALL = Map.of("ar", 0.95, "en", 0.95);

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void everyKindHoldsItsFloor(String language) throws IOException {
        NumberCasesEvaluation.Result result = NumberCasesEvaluation.evaluate(
                SharedData.require("numbers").resolve(language + ".tsv"), FigureAssert.EXTRACTOR);
        String report = result.report() + result.missesReport();
        assertThat(FLOORS.get(language).keySet()).containsExactlyInAnyOrderElementsOf(NumberCasesEvaluation.KINDS);
        SoftAssertions soft = new SoftAssertions();
        FLOORS.get(language).forEach((kind, floor) ->
                soft.assertThat(result.score(kind).accuracy()).as(kind + "\n" + report).isGreaterThanOrEqualTo(floor));
        soft.assertThat(result.overall()).as("all\n" + report).isGreaterThanOrEqualTo(OVERALL.get(language));
        soft.assertAll();
    }
}
