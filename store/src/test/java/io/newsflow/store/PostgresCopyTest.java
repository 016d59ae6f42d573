package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostgresCopyTest {

    @Test
    void escapesWhatWouldEndAFieldOrARowAndTheEscapeItself() {
        assertThat(text("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void keepsTheNullMarkAndTheEndOfDataMarkAsText() {
        assertThat(text(null)).isEqualTo("\\N");
        assertThat(text("\\N")).isEqualTo("\\\\N");
        assertThat(text("\\.")).isEqualTo("\\\\.");
    }

    @Test
    void leavesEverythingElseAsItIs() {
        String text = "\"quoted\" 'single' القاهرة — é 😀 \u0001";
        assertThat(text(text)).isEqualTo(text);
    }

    @Test
    void writesTimestampsAsInstantsWithSecondsAndNumbersAsJavaDoes() {
        assertThat(text(Instant.parse("2017-02-12T09:30:00Z").atOffset(ZoneOffset.UTC))).isEqualTo("2017-02-12T09:30:00Z");
        assertThat(text(0.1)).isEqualTo("0.1");
        assertThat(text(1e300)).isEqualTo("1.0E300");
        assertThat(text(Double.NaN)).isEqualTo("NaN");
        assertThat(text(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(text(42L)).isEqualTo("42");
    }

    private static String text(Object value) {
        StringBuilder out = new StringBuilder();
        PostgresCopy.appendValue(out, value);
        return out.toString();
    }
}
