package io.newsflow.ingest.format;

import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a format reader found in one story, before it becomes a {@link RawArticle}. Every format fills the same
 * fields, so identity and the empty-story checks are decided in one place.
 */
final class StoryFields {

    String guid;
    Long version;
    String language;
    String headline;
    String body;
    String byline;
    String dateline;
    Instant publishedAt;
    String sourceUri;
    final Map<String, String> metadata = new LinkedHashMap<>();

    /**
     * @throws RejectedStoryException when there is no headline or no body
     */
    RawArticle toArticle(String source, InputFormat format, Instant receivedAt) throws RejectedStoryException {
        String head = headline == null ? "" : headline.strip();
        String text = body == null ? "" : body.strip();
        if (head.isEmpty() && text.isEmpty()) {
            throw new RejectedStoryException("empty story: no headline and no body");
        }
        if (text.isEmpty()) {
            throw new RejectedStoryException("empty body: the story has a headline only");
        }
        String contentHash = ArticleIdentity.contentHash(head, text);
        String id = guid == null || guid.isBlank()
                ? ArticleIdentity.idFromContentHash(contentHash) : ArticleIdentity.idFromGuid(guid.strip());
        return RawArticle.newBuilder()
                .setId(id)
                .setSource(source)
                .setSourceUri(blankToNull(sourceUri))
                .setGuid(blankToNull(guid))
                .setVersion(version)
                .setLanguage(blankToNull(language))
                .setHeadline(head)
                .setBody(text)
                .setByline(blankToNull(byline))
                .setDateline(blankToNull(dateline))
                .setPublishedAt(publishedAt)
                .setReceivedAt(receivedAt)
                .setFormat(format)
                .setContentHash(contentHash)
                .setMetadata(Map.copyOf(metadata))
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
