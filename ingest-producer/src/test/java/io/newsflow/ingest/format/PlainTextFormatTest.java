package io.newsflow.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlainTextFormatTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void firstNonEmptyLineIsTheHeadlineAndTheRestTheBody() throws Exception {
        RawArticle article = parse("\uFEFF\n\n  Floods close coastal road  \r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n");

        assertThat(article.getHeadline()).isEqualTo("Floods close coastal road");
        assertThat(article.getBody()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(article.getFormat()).isEqualTo(InputFormat.PLAIN_TEXT);
        assertThat(article.getSource()).isEqualTo("drop/story.txt");
        assertThat(article.getReceivedAt()).isEqualTo(NOW);
    }

    @Test
    void idIsDerivedFromTheContentHash() throws Exception {
        RawArticle article = parse("Headline\nBody text.");

        assertThat(article.getContentHash()).matches("[0-9a-f]{64}");
        assertThat(article.getId()).isEqualTo("sha256:" + article.getContentHash().substring(0, 32));
    }

    @Test
    void sameStoryWithOtherLineEndsAndWrappingGetsTheSameId() throws Exception {
        RawArticle original = parse("Council approves budget\n\nThe council approved a budget of 40 million on Monday.\n");
        RawArticle rewrapped = parse("Council approves budget\r\n\r\nThe council approved a budget\r\nof 40 million  on Monday.");
        RawArticle edited = parse("Council approves budget\n\nThe council approved a budget of 41 million on Monday.\n");

        assertThat(rewrapped.getId()).isEqualTo(original.getId());
        assertThat(edited.getId()).isNotEqualTo(original.getId());
    }

    @Test
    void invalidUtf8IsRejectedWithTheOffendingOffset() {
        byte[] bytes = "Headline\nBody ".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xC3;
        broken[bytes.length + 1] = (byte) 0x28;

        assertThatThrownBy(() -> PlainTextFormat.parse("bad.txt", broken, NOW))
                .isInstanceOf(RejectedStoryException.class)
                .hasMessage("invalid UTF-8 at byte " + bytes.length);
    }

    @Test
    void aReplacementCharacterWrittenInTheStoryIsKept() throws Exception {
        RawArticle article = parse("Headline\n\nThe feed sent \uFFFD where a name was.");

        assertThat(article.getBody()).isEqualTo("The feed sent \uFFFD where a name was.");
    }

    @Test
    void lineEndsOfEveryKindSplitLines() throws Exception {
        RawArticle article = parse("Headline\rSubheadline\r\n\nFirst\rline.\n\r\nSecond.\r\n\r\n***\r\nFACTBOX\r\nA fact.");

        assertThat(article.getMetadata()).containsEntry("subheadline", "Subheadline");
        assertThat(article.getBody()).isEqualTo("First\nline.\n\nSecond.");
        assertThat(article.getMetadata()).containsEntry("section.2", "FACTBOX\n\nA fact.");
    }

    @Test
    void headlineWithoutBodyIsRejected() {
        assertThatThrownBy(() -> parse("Only a headline\n\n   \n"))
                .isInstanceOf(RejectedStoryException.class)
                .hasMessageStartingWith("empty body");
    }

    @Test
    void blankFileIsRejected() {
        assertThatThrownBy(() -> parse(" \n\t\n"))
                .isInstanceOf(RejectedStoryException.class)
                .hasMessageStartingWith("empty file");
    }

    private static RawArticle parse(String text) throws RejectedStoryException {
        return PlainTextFormat.parse("drop/story.txt", text.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
