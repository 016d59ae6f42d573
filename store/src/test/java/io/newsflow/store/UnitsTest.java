package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void englishUnitsFoldToLowerCaseSingulars() {
        assertThat(Units.key(" Soldiers ")).isEqualTo("soldier");
        assertThat(Units.key("soldier")).isEqualTo("soldier");
        assertThat(Units.key("Metric  Tons")).isEqualTo("metric ton");
        assertThat(Units.key("casualties")).isEqualTo(Units.key("casualty"));
        assertThat(Units.key("people")).isEqualTo("person");
        assertThat(Units.key("bus")).isEqualTo("bus");
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
    void unitsFoldAsTheExtractionLibraryFoldsPersianLettersAndMarks() {
        assertThat(Units.key("کیلوگرام")).isEqualTo(Units.key("كيلوغرام".replace('غ', 'گ'))).isEqualTo("كيلوگرام");
        assertThat(Units.key("طنٌّ")).isEqualTo("طن");
        assertThat(Units.key("طنۡ")).isEqualTo("طن");
    }

    @Test
    void arabicRegularPluralsMeetTheirSingular() {
        assertThat(Units.key("متهمين")).isEqualTo("متهم");
        assertThat(Units.key("المتهمون")).isEqualTo("متهم");
        assertThat(Units.key("سيارات")).isEqualTo(Units.key("سيارة"));
        assertThat(Units.key("عين")).isEqualTo("عين");
    }

    @Test
    void shortWordsKeepTheirLettersAndBlankIsNoUnit() {
        assertThat(Units.key("الف")).isEqualTo("الف");
        assertThat(Units.key("  ")).isNull();
        assertThat(Units.key(null)).isNull();
    }
}
