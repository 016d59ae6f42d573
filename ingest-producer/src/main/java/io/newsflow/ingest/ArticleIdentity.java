package io.newsflow.ingest;

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
        return sha256Hex(normalize(headline) + "\n" + normalize(body));
    }

    /**
     * The article id of a story whose format names it (ninjs uri, NewsML guid, RSS guid, Atom id, canonical URL):
     * every version of the story shares it, so a correction lands on the same key and replaces the older one.
     * Hashed because guids can be long URLs, and a key should stay short and free of separators.
     */
    public static String idFromGuid(String guid) {
        return GUID_ID_PREFIX + sha256Hex(guid).substring(0, ID_HEX_CHARS);
    }

    /** Text with no character from U+0300 up is already in NFC (most English copy): skip the normalizer. */
    private static boolean belowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The article id derived from a content hash, for formats without a guid. */
    public static String idFromContentHash(String contentHash) {
        return CONTENT_ID_PREFIX + contentHash.substring(0, ID_HEX_CHARS);
    }

    /** NFC, whitespace runs folded into one space, trimmed; a loop because a regex replace costs most of ingest. */
    private static String normalize(String text) {
        String composed = belowCombiningMarks(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean space = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
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
