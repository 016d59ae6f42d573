package io.newsflow.ingest;

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
        ByteBuffer input = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(input)
                    .toString();
        } catch (MalformedInputException e) {
            throw new RejectedStoryException("invalid UTF-8 at byte " + input.position());
        } catch (CharacterCodingException e) {
            throw new RejectedStoryException("invalid UTF-8: " + e);
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
