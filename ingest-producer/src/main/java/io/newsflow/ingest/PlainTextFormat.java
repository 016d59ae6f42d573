package io.newsflow.ingest;

import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A story as a plain UTF-8 text file: the first non-empty line is the headline, everything after it the body.
 */
public final class PlainTextFormat {

    private PlainTextFormat() {
    }

    /**
     * @param source     where the bytes came from (a file path); recorded on the article and on any rejection
     * @param receivedAt when the ingest stage took the story in
     * @throws RejectedStoryException when the bytes are not UTF-8 or hold no headline or no body
     */
    public static RawArticle parse(String source, byte[] bytes, Instant receivedAt) throws RejectedStoryException {
        String text = decodeUtf8(bytes).replace("\r\n", "\n").replace('\r', '\n');
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw new RejectedStoryException("empty file: no headline and no body");
        }
        String headline = lines[first].strip();
        String body = String.join("\n", Arrays.copyOfRange(lines, first + 1, lines.length)).strip();
        if (body.isEmpty()) {
            throw new RejectedStoryException("empty body: the file holds a headline only");
        }
        String contentHash = ArticleIdentity.contentHash(headline, body);
        return RawArticle.newBuilder()
                .setId(ArticleIdentity.idFromContentHash(contentHash))
                .setSource(source)
                .setHeadline(headline)
                .setBody(body)
                .setReceivedAt(receivedAt)
                .setFormat(InputFormat.PLAIN_TEXT)
                .setContentHash(contentHash)
                .setMetadata(Map.of())
                .build();
    }

    private static String decodeUtf8(byte[] bytes) throws RejectedStoryException {
        // String's own constructor would replace bad sequences with U+FFFD and hand on a silently damaged story.
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
