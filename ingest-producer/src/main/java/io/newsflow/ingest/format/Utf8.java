package io.newsflow.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: a story with a bad byte sequence is rejected, not silently patched with U+FFFD. */
final class Utf8 {

    private Utf8() {
    }

    /** The text, without a leading byte-order mark. */
    static String decode(byte[] bytes) throws RejectedStoryException {
        // The String constructor is the JDK's fast path, much cheaper than a reporting decoder, but it puts U+FFFD
        // in place of a bad sequence: only a text that shows one is decoded again strictly, to reject it or to learn
        // that the U+FFFD was in the story itself.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = strictly(bytes);
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static String strictly(byte[] bytes) throws RejectedStoryException {
        ByteBuffer input = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(input)
                    .toString();
        } catch (MalformedInputException e) {
            throw new RejectedStoryException("invalid UTF-8 at byte " + input.position());
        } catch (CharacterCodingException e) {
            throw new RejectedStoryException("invalid UTF-8: " + e);
        }
    }
}
