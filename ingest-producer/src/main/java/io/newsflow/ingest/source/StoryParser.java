package io.newsflow.ingest.source;

import io.newsflow.ingest.RejectedStoryException;
import io.newsflow.ingest.StoryFormats;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;

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
     * Every format of {@link StoryFormats}: plain text, ninjs, NewsML-G2, RSS, Atom and HTML. A feed item that
     * holds no story is logged and skipped while the feed's other items go through; a feed with no good item is
     * rejected with the first item's reason.
     */
    static StoryParser available() {
        return new StoryParser() {
            @Override
            public List<RawArticle> parse(String source, byte[] bytes, InputFormat format, Instant receivedAt)
                    throws RejectedStoryException {
                StoryFormats.Parsed parsed = StoryFormats.parse(source, bytes, format, receivedAt);
                if (parsed.articles().isEmpty() && !parsed.rejections().isEmpty()) {
                    throw new RejectedStoryException(parsed.rejections().get(0).reason());
                }
                parsed.rejections().forEach(rejection -> LoggerFactory.getLogger(StoryParser.class)
                        .warn("skipped {}: {}", rejection.source(), rejection.reason()));
                return parsed.articles();
            }

            @Override
            public boolean supports(InputFormat format) {
                return format != InputFormat.OTHER;
            }
        };
    }
}
