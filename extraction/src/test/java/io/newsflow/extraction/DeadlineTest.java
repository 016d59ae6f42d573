package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.extraction.entities.EntityRecognizer;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Extractor EXTRACTOR = Extractor.load();
    private static final String STORY = "The central bank raised rates by 25 basis points in Frankfurt on Tuesday.";

    @Test
    void anExtractionPastItsDeadlineGivesUpNamingItsBudget() throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofMillis(20));
        Thread.sleep(40);

        assertThatThrownBy(() -> EXTRACTOR.extract(STORY, "en", LocalDate.of(2025, 3, 4), deadline))
                .isInstanceOf(ExtractionTimeoutException.class)
                .hasMessageContaining("budget of 20 ms");
    }

    @Test
    void theEntityTaggerChecksTheDeadlineSentenceBySentence() throws InterruptedException {
        EntityRecognizer recognizer = EntityRecognizer.load();
        Deadline deadline = Deadline.after(Duration.ofMillis(20));
        Thread.sleep(40);

        assertThatThrownBy(() -> recognizer.recognize(STORY + " " + STORY, "en", deadline))
                .isInstanceOf(ExtractionTimeoutException.class);
        assertThat(recognizer.recognize(STORY, "en", Deadline.NONE)).isNotEmpty();
    }

    @Test
    void withinItsDeadlineOrWithoutOneTheExtractionIsTheSame() {
        Extraction unbounded = EXTRACTOR.extract(STORY, "en", LocalDate.of(2025, 3, 4));

        assertThat(EXTRACTOR.extract(STORY, "en", LocalDate.of(2025, 3, 4), Deadline.after(Duration.ofSeconds(10))))
                .isEqualTo(unbounded);
        assertThat(EXTRACTOR.extract(STORY, "en", LocalDate.of(2025, 3, 4), Deadline.after(Duration.ZERO)))
                .isEqualTo(unbounded);
        assertThat(unbounded.figures()).isNotEmpty();
    }
}
