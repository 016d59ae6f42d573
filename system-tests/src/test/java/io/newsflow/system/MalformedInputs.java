package io.newsflow.system;

import io.newsflow.ingest.IngestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Story files no ingest stage may publish, of the kinds an inbox or a feed really delivers, or an attacker sends:
 * NewsML cut off mid-document, text with byte sequences that are not UTF-8, bodies over the size limit, XML that
 * declares an external entity (XXE) or an entity bomb, and random bytes.
 */
final class MalformedInputs {

    private static final String NEWSML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsflow:malformed:%d" version="1">
              <contentMeta><headline>Council approves %d new schools</headline></contentMeta>
              <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
                <body><p>The council approved %d new schools on Monday, its spokesman said.</p></body>
              </html></inlineXML></contentSet>
            </newsItem>
            """;
    private static final String XXE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE newsItem [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsflow:xxe:%d" version="1">
              <contentMeta><headline>&leak;</headline></contentMeta>
              <contentSet><inlineXML contenttype="text/plain">&leak;</inlineXML></contentSet>
            </newsItem>
            """;
    private static final String BOMB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE newsItem [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
            ]>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsflow:bomb:%d" version="1">
              <contentMeta><headline>&g;</headline></contentMeta>
            </newsItem>
            """;
    private static final int HUGE = 5;

    private MalformedInputs() {
    }

    /** Writes {@code count} malformed files into {@code dir}, in equal parts of each kind but the few huge ones. */
    static Path write(Path dir, int count, Random random) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            byte[] content;
            if (i < HUGE) {
                content = new byte[IngestConfig.MAX_STORY_BYTES_DEFAULT + 1 + random.nextInt(1024)];
                Arrays.fill(content, (byte) 'a');
            } else {
                content = switch (i % 5) {
                    case 0 -> truncated(utf8(NEWSML.formatted(i, i, i)), random);
                    case 1 -> invalidUtf8(i, random);
                    case 2 -> utf8(XXE.formatted(i));
                    case 3 -> utf8(BOMB.formatted(i));
                    default -> randomBytes(random);
                };
            }
            Files.write(dir.resolve(String.format("%04d.%s", i, i % 5 == 1 ? "txt" : "xml")), content);
        }
        return dir;
    }

    /** Cut anywhere after the XML declaration, which makes the file XML whatever follows. */
    private static byte[] truncated(byte[] document, Random random) {
        int declaration = new String(document, StandardCharsets.UTF_8).indexOf('\n') + 1;
        return Arrays.copyOf(document, declaration + random.nextInt(document.length - declaration - 20));
    }

    /** A plain-text story with a byte that cannot occur in UTF-8 somewhere in its body. */
    private static byte[] invalidUtf8(int i, Random random) {
        byte[] text = utf8("Rain expected in region " + i + "\n\nForecasters expect " + i
                + " mm of rain over the weekend, the weather office said.\n");
        int at = text.length / 2 + random.nextInt(text.length / 2 - 1);
        text[at] = (byte) (random.nextBoolean() ? 0xFF : 0xC0);
        return text;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[64 + random.nextInt(8192)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
