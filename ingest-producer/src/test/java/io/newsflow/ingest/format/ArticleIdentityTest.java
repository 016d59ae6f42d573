package io.newsflow.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content ids are keys already in the topics: the hash may get faster, never different. */
class ArticleIdentityTest {

    @Test
    void contentHashIsTheSha256OfTheNormalizedUtf8() {
        // printf 'Caf\xc3\xa9 reopens\nThe caf\xc3\xa9 on the quay reopens today.' | sha256sum
        assertThat(ArticleIdentity.contentHash("Cafe\u0301 reopens", "  The  cafe\u0301 on\u00A0the\r\nquay reopens today. \n"))
                .isEqualTo("ec998a3e107edf95e697507878ef1c6ae3686002715ebe97715b1ade218b2251");
    }

    @Test
    void contentHashEqualsTheStringBuiltDefinition() throws Exception {
        List<String> texts = List.of(
                "",
                " \t\r\n ",
                "Plain ASCII headline",
                "  leading, trailing and\u2028inner\u3000breaks \n\n",
                "مرسوم بشأن الميزانيَّة العامة للدولة",
                "Ko\u0308ln und Mu\u0308nchen",
                "emoji \uD83D\uDCF0 in a headline",
                "lone \uD83D surrogate, lone \uDCF0 low, \uD83D \uDCF0 split",
                "x".repeat(5_000) + " \u00E9".repeat(3_000) + " \uD83D\uDCF0".repeat(2_000));
        for (String headline : texts) {
            for (String body : texts) {
                assertThat(ArticleIdentity.contentHash(headline, body)).isEqualTo(definition(headline, body));
            }
        }
    }

    /** The content hash as specified: SHA-256 of normalize(headline) + "\n" + normalize(body), in UTF-8. */
    private static String definition(String headline, String body) throws Exception {
        String text = normalize(headline) + "\n" + normalize(body);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : composed.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
