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
        // Digested as the UTF-8 of normalize(headline) + "\n" + normalize(body), encoded on the fly rather than
        // built as strings first: building them was a quarter of the ingest thread.
        Utf8Digest digest = new Utf8Digest();
        digest.updateNormalized(headline);
        digest.update('\n');
        digest.updateNormalized(body);
        return HexFormat.of().formatHex(digest.finish());
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
     * SHA-256 of UTF-8 text fed a character at a time through a small buffer. Encodes as
     * {@code String.getBytes(UTF_8)} does, including its {@code ?} for a lone surrogate, so that ids stay those
     * of earlier releases.
     */
    private static final class Utf8Digest {

        private final MessageDigest sha256 = sha256();
        private final byte[] buffer = new byte[4096];
        private int length;

        /** NFC, whitespace runs folded into one space, leading and trailing whitespace dropped. */
        void updateNormalized(String text) {
            String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                    ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
            boolean started = false;
            boolean space = false;
            for (int i = 0; i < composed.length(); i++) {
                char c = composed.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    space = started;
                    continue;
                }
                if (space) {
                    update(' ');
                    space = false;
                }
                started = true;
                if (Character.isHighSurrogate(c) && i + 1 < composed.length()
                        && Character.isLowSurrogate(composed.charAt(i + 1))) {
                    updateCodePoint(Character.toCodePoint(c, composed.charAt(++i)));
                } else {
                    update(Character.isSurrogate(c) ? '?' : c);
                }
            }
        }

        void update(char c) {
            if (length + 3 > buffer.length) {
                drain();
            }
            if (c < 0x80) {
                buffer[length++] = (byte) c;
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            } else {
                buffer[length++] = (byte) (0xE0 | c >> 12);
                buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            }
        }

        private void updateCodePoint(int codePoint) {
            if (length + 4 > buffer.length) {
                drain();
            }
            buffer[length++] = (byte) (0xF0 | codePoint >> 18);
            buffer[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            buffer[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            buffer[length++] = (byte) (0x80 | codePoint & 0x3F);
        }

        private void drain() {
            sha256.update(buffer, 0, length);
            length = 0;
        }

        byte[] finish() {
            drain();
            return sha256.digest();
        }
    }
}
