package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void hamzaSeatsAlefMaqsuraAndTehMarbutaMeetTheirPlainLetters() {
        assertThat(Folding.fold("أربعة")).isEqualTo(Folding.fold("اربعه"));
        assertThat(Folding.fold("إلى")).isEqualTo("الي");
        assertThat(Folding.fold("آلاف")).isEqualTo("الاف");
        assertThat(Folding.fold("مائة")).isEqualTo("مائه");
    }

    @Test
    void persianLettersFoldToTheirArabicCounterparts() {
        assertThat(Folding.fold("کیلو")).isEqualTo("كيلو");
        assertThat(Folding.fold("خانۀ")).isEqualTo("خانه");
    }

    @Test
    void marksTatweelAndBidiControlsDisappear() {
        assertThat(Folding.fold("شَخْصًا")).isEqualTo("شخصا");
        assertThat(Folding.fold("مـــصر")).isEqualTo("مصر");
        assertThat(Folding.fold("الرَّحْمٰنِ")).isEqualTo("الرحمن");
        assertThat(Folding.fold("ذٰلِكَ۟")).isEqualTo("ذلك");
        assertThat(Folding.fold("25799\u202A,\u202A52")).isEqualTo("25799,52");
        assertThat(Folding.fold("می\u200Cخواهم")).isEqualTo("ميخواهم");
    }

    @Test
    void latinAndOtherCasedScriptsLoseTheirCase() {
        assertThat(Folding.fold("Reuters U.S.")).isEqualTo("reuters u.s.");
        assertThat(Folding.fold("ΑΘΗΝΑ")).isEqualTo("αθηνα");
        assertThat(Folding.fold("Ärzte")).isEqualTo("ärzte");
    }
}
