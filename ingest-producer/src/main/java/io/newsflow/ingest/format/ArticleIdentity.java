package io.newsflow.ingest.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * How an article gets its id: from the format's own identifier when it has one, else from its content.
 *
 * <p>The content hash covers the headline and body after Unicode NFC normalization and with every run of whitespace folded
 * into one space: a story re-delivered with CRLF line ends, re-wrapped lines or a decomposed accent is the same
 * story and must land on the same key, so that compaction and the enrichment stage's duplicate check see it once.
 */
public final class ArticleIdentity {

    static final String CONTENT_ID_PREFIX = "sha256:";
    static final String GUID_ID_PREFIX = "guid:";
    /** 128 bits of the digest: collisions are out of reach while the key stays short enough to read in logs. */
    private static final int ID_HEX_CHARS = 32;

    private ArticleIdentity() {
    }

    /** The full SHA-256, in hex, of the normalized headline and body. */
    public static String contentHash(String headline, String body) {
        MessageDigest sha256 = sha256();
        sha256.update(normalize(headline).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(normalize(body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The article id of a story whose format names it (ninjs uri, NewsML guid, RSS guid, Atom id, canonical URL):
     * every version of the story shares it, so a correction lands on the same key and replaces the older one.
     * Hashed because guids can be long URLs, and a key should stay short and free of separators.
     */
    public static String idFromGuid(String guid) {
        return GUID_ID_PREFIX + sha256Hex(guid).substring(0, ID_HEX_CHARS);
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The article id derived from a content hash, for formats without a guid. */
    public static String idFromContentHash(String contentHash) {
        return CONTENT_ID_PREFIX + contentHash.substring(0, ID_HEX_CHARS);
    }

    /**
     * NFC, whitespace runs folded into one space, trimmed. Folded in place in a char array, with the ASCII whitespace
     * test inlined: cheaper than appending to a StringBuilder or feeding the digest a character at a time, and the
     * hash runs on every story.
     */
    private static String normalize(String text) {
        char[] chars = (belowCombiningMarks(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC)).toCharArray();
        int length = 0;
        boolean space = false;
        for (char c : chars) {
            if (isWhitespace(c)) {
                space = length > 0;
            } else {
                if (space) {
                    chars[length++] = ' ';
                    space = false;
                }
                chars[length++] = c;
            }
        }
        return new String(chars, 0, length);
    }

    /** Text with no character from U+0300 up is already in NFC (most English copy): the normalizer is not asked. */
    private static boolean belowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** {@link Character#isWhitespace} or {@link Character#isSpaceChar}, answered without a lookup below U+0080. */
    private static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
