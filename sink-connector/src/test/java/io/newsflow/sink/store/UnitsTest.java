package io.newsflow.sink.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void englishUnitsFoldToLowerCase() {
        assertThat(Units.key(" Soldiers ")).isEqualTo("soldiers");
        assertThat(Units.key("Metric  Tons")).isEqualTo("metric tons");
    }

    @Test
    void arabicUnitsLoseTheArticleTheDiacriticsAndTheAccusativeEnding() {
        assertThat(Units.key("متهماً")).isEqualTo("متهم");
        assertThat(Units.key("المتهم")).isEqualTo("متهم");
        assertThat(Units.key("والجنود")).isEqualTo("جنود");
        assertThat(Units.key("شَخْصاً")).isEqualTo("شخص");
        assertThat(Units.key("أطنان")).isEqualTo("اطنان");
        assertThat(Units.key("مليار دولار")).isEqualTo("مليار دولار");
    }

    @Test
    void shortWordsKeepTheirLettersAndBlankIsNoUnit() {
        assertThat(Units.key("الف")).isEqualTo("الف");
        assertThat(Units.key("  ")).isNull();
        assertThat(Units.key(null)).isNull();
    }
}
