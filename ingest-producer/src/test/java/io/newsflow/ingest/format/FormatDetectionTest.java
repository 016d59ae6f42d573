package io.newsflow.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which format an input is read as, from its type (a file's extension) and, where the type says nothing, from its
 * content: a real document element or JSON, never a first character.
 */
class FormatDetectionTest {

    private static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
    private static final String TICKER = "<ACME CORP> 4TH QTR NET\n\nShr 1.12 dlrs vs 98 cts\nNet 4.5 mln vs 3.9 mln\n";
    private static final String RSS = fixture("harbour-feed.rss");
    private static final String NEWSML = fixture("newsml-election.xml");
    private static final String ATOM = fixture("transit-feed.atom");
    private static final String HTML = fixture("museum-page.html");
    private static final String NINJS = fixture("ninjs1-desalination.json");

    static Stream<Arguments> readAs() {
        return Stream.of(
                // The type says text: text, whatever it looks like.
                Arguments.of("wire/acme.txt", TICKER, InputFormat.PLAIN_TEXT, "<ACME CORP> 4TH QTR NET"),
                Arguments.of("wire/ACME.TXT", TICKER, InputFormat.PLAIN_TEXT, "<ACME CORP> 4TH QTR NET"),
                Arguments.of("wire/declared.txt", RSS, InputFormat.PLAIN_TEXT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
                Arguments.of("wire/page.txt", HTML, InputFormat.PLAIN_TEXT, "<!DOCTYPE html>"),
                Arguments.of("wire/object.txt", "{\"headline\": \"Not read as ninjs\"}\n\nA body.\n", InputFormat.PLAIN_TEXT,
                        "{\"headline\": \"Not read as ninjs\"}"),
                // The type says XML: the document element tells which format.
                Arguments.of("drop/harbour.xml", RSS, InputFormat.RSS, "Pilots' union agrees new roster"),
                Arguments.of("drop/election.xml", NEWSML, InputFormat.NEWSML_G2, null),
                Arguments.of("drop/transit.rss", ATOM, InputFormat.ATOM, null),
                Arguments.of("drop/blank-lines-first.xml", "\n\n" + RSS, InputFormat.RSS, "Pilots' union agrees new roster"),
                // HTML and ninjs by their extensions.
                Arguments.of("drop/museum.html", HTML, InputFormat.HTML, "City museum reopens after two-year renovation"),
                Arguments.of("drop/museum.HTM", HTML, InputFormat.HTML, "City museum reopens after two-year renovation"),
                Arguments.of("drop/desalination.json", NINJS, InputFormat.NINJS, null),
                // No type, or one that says nothing: the content decides.
                Arguments.of("wire/acme", TICKER, InputFormat.PLAIN_TEXT, "<ACME CORP> 4TH QTR NET"),
                Arguments.of("wire/acme.story", TICKER, InputFormat.PLAIN_TEXT, "<ACME CORP> 4TH QTR NET"),
                Arguments.of("wire/update", "[UPDATE 1] ACME raises dividend\n\nThe board raised it 5 pct.\n",
                        InputFormat.PLAIN_TEXT, "[UPDATE 1] ACME raises dividend"),
                Arguments.of("wire/braces", "{Correction} Rail fares\n\nFares rise 4.5 pct, not 5.4 pct.\n",
                        InputFormat.PLAIN_TEXT, "{Correction} Rail fares"),
                Arguments.of("wire/tagged", "<b>Breaking</b> Quake hits coast\n\nNo damage was reported.\n",
                        InputFormat.PLAIN_TEXT, "<b>Breaking</b> Quake hits coast"),
                Arguments.of("wire/closed-tag", "<ACME> 4TH QTR NET\n\nShr 1.12 dlrs\n", InputFormat.PLAIN_TEXT,
                        "<ACME> 4TH QTR NET"),
                Arguments.of("drop/harbour", RSS, InputFormat.RSS, "Pilots' union agrees new roster"),
                Arguments.of("drop/election", NEWSML, InputFormat.NEWSML_G2, null),
                Arguments.of("drop/transit", ATOM, InputFormat.ATOM, null),
                Arguments.of("drop/museum", HTML, InputFormat.HTML, "City museum reopens after two-year renovation"),
                Arguments.of("drop/unquoted-page", "<!doctype html>\n<html lang=en><body><h1>Bridge reopens</h1>"
                        + "<p>The bridge reopened on Monday.</p></body></html>", InputFormat.HTML, "Bridge reopens"),
                Arguments.of("drop/desalination", NINJS, InputFormat.NINJS, null));
    }

    @ParameterizedTest(name = "{0} is read as {2}")
    @MethodSource
    void readAs(String file, String content, InputFormat format, String headline) throws RejectedStoryException {
        StoryFormats.Parsed parsed = StoryFormats.parse(file, content.getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(parsed.format()).isEqualTo(format);
        assertThat(parsed.articles()).isNotEmpty().allSatisfy(article -> assertThat(article.getFormat()).isEqualTo(format));
        if (headline != null) {
            assertThat(parsed.articles().get(0).getHeadline()).isEqualTo(headline);
        }
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("drop/catalog.xml", "<catalog><book/></catalog>", "unsupported XML document <catalog>: "),
                Arguments.of("drop/catalog", "<?xml version=\"1.0\"?>\n<catalog><book/></catalog>",
                        "unsupported XML document <catalog>: "),
                Arguments.of("drop/atom-without-namespace.atom", "<feed><entry><title>T</title></entry></feed>",
                        "unsupported XML document <feed>: "),
                Arguments.of("drop/other-newsitem.xml", "<newsItem xmlns=\"urn:example:items\" guid=\"x\"/>",
                        "unsupported XML document <newsItem> in namespace urn:example:items: "),
                Arguments.of("drop/ticker.xml", TICKER, "malformed XML: "),
                Arguments.of("drop/cut", "<rss version=\"2.0\"><channel><item>", "malformed XML: "),
                Arguments.of("drop/bomb", fixture("billion-laughs.xml"), "unsafe XML: a DOCTYPE is refused"),
                Arguments.of("drop/xxe", fixture("external-entity.xml"), "unsafe XML: a DOCTYPE is refused"),
                Arguments.of("drop/bomb.txt.xml", fixture("billion-laughs.xml"), "unsafe XML: a DOCTYPE is refused"),
                Arguments.of("drop/ticker.json", TICKER, "malformed JSON: "));
    }

    @ParameterizedTest(name = "{0} is rejected")
    @MethodSource
    void rejected(String file, String content, String reason) {
        assertThatThrownBy(() -> StoryFormats.parse(file, content.getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOf(RejectedStoryException.class)
                .hasMessageStartingWith(reason);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "wire/acme.txt, TEXT",
            "wire/acme.text, TEXT",
            "C:\\wire\\acme.TXT, TEXT",
            "drop/story.json, NINJS",
            "drop/page.html, HTML",
            "drop/page.htm, HTML",
            "drop/page.xhtml, HTML",
            "drop/item.xml, XML",
            "drop/feed.rss, XML",
            "drop/feed.atom, XML",
            "drop/acme, UNKNOWN",
            "drop/acme.story, UNKNOWN",
            "drop.d/acme, UNKNOWN",
            "drop/archive.txt.gz, UNKNOWN"})
    void typeOfAFile(String file, StoryType type) {
        assertThat(StoryType.ofFileName(file)).isEqualTo(type);
    }

    private static String fixture(String name) {
        try (InputStream in = FormatDetectionTest.class.getResourceAsStream("/formats/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
