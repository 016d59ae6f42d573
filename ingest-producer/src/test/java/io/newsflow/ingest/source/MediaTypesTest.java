package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.format.StoryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "text/plain | TEXT",
            "text/plain; charset=utf-8 | TEXT",
            "Text/Plain | TEXT",
            "application/ninjs+json | NINJS",
            "application/json | NINJS",
            "application/vnd.iptc.g2.newsitem+xml | XML",
            "application/vnd.iptc.g2.newsmessage+xml | XML",
            "application/rss+xml | XML",
            "application/atom+xml | XML",
            "application/xml | XML",
            "text/xml; charset=iso-8859-1 | XML",
            "text/html | HTML",
            "application/xhtml+xml | HTML",
            "application/octet-stream | UNKNOWN",
            "'' | UNKNOWN"})
    void contentType(String header, StoryType type) throws MediaTypes.UnknownFormatException {
        assertThat(MediaTypes.fromContentType(header)).isEqualTo(type);
    }

    @Test
    void noContentTypeLeavesItToTheContent() throws MediaTypes.UnknownFormatException {
        assertThat(MediaTypes.fromContentType(null)).isEqualTo(StoryType.UNKNOWN);
    }

    @Test
    void aTypeOfNoStoryFormatIsRefused() {
        assertThatThrownBy(() -> MediaTypes.fromContentType("image/png"))
                .isInstanceOf(MediaTypes.UnknownFormatException.class)
                .hasMessage("unsupported content type: image/png");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"text, TEXT", "plain-text, TEXT", "ninjs, NINJS", "newsml-g2, XML", "NewsML, XML", "rss, XML",
            "atom, XML", "html, HTML"})
    void formatName(String name, StoryType type) throws MediaTypes.UnknownFormatException {
        assertThat(MediaTypes.fromName(name)).isEqualTo(type);
    }
}
