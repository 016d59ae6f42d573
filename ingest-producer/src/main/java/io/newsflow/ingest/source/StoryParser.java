package io.newsflow.ingest.source;

import io.newsflow.ingest.PlainTextFormat;
import io.newsflow.ingest.RejectedStoryException;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.time.Instant;
import java.util.List;

/**
 * The one door through which every source hands its bytes to the formats, so that files, feeds and the HTTP
 * endpoint accept exactly the same stories and reject the same input for the same reason.
 */
public interface StoryParser {

    /**
     * @param source     where the bytes came from (file path, feed URL, endpoint client)
     * @param format     the format the source declared, or {@code null} when it declared none
     * @param receivedAt when the ingest stage took the bytes in
     * @return the stories in the bytes: one for a single story, one per item for a feed
     * @throws RejectedStoryException when the bytes hold no story
     */
    List<RawArticle> parse(String source, byte[] bytes, InputFormat format, Instant receivedAt)
            throws RejectedStoryException;

    /** Whether {@link #parse} understands bytes declared as {@code format}. */
    boolean supports(InputFormat format);

    /**
     * The formats this build reads. Only plain text exists so far; the structured formats (ninjs, NewsML-G2,
     * RSS, Atom, HTML) plug in here, and every source gains them at once.
     */
    static StoryParser available() {
        return new StoryParser() {
            @Override
            public List<RawArticle> parse(String source, byte[] bytes, InputFormat format, Instant receivedAt)
                    throws RejectedStoryException {
                if (!supports(format)) {
                    throw new RejectedStoryException("unsupported format: " + format);
                }
                return List.of(PlainTextFormat.parse(source, bytes, receivedAt));
            }

            @Override
            public boolean supports(InputFormat format) {
                return format == null || format == InputFormat.PLAIN_TEXT;
            }
        };
    }
}
