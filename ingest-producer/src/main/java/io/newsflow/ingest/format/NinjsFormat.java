package io.newsflow.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * IPTC ninjs, 1.x ({@code headline}, {@code body_text}/{@code body_html}, {@code byline}, {@code located}) and 2.x
 * ({@code headlines[]}, {@code bodies[]}, {@code bylines[]}); one object, or an array of them.
 */
final class NinjsFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NinjsFormat() {
    }

    static List<StoryFields> parse(String json) throws RejectedStoryException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RejectedStoryException("malformed JSON: " + e.getOriginalMessage());
        }
        List<StoryFields> stories = new ArrayList<>();
        for (JsonNode item : root.isArray() ? root : List.of(root)) {
            if (!item.isObject()) {
                throw new RejectedStoryException("not ninjs: expected an object, found " + item.getNodeType());
            }
            stories.add(story(item));
        }
        return stories;
    }

    private static StoryFields story(JsonNode item) {
        StoryFields story = new StoryFields();
        story.guid = text(item, "uri");
        story.version = FeedFormats.number(text(item, "version"));
        story.language = text(item, "language");
        story.publishedAt = FeedFormats.instant(text(item, "firstcreated"));
        if (story.publishedAt == null) {
            story.publishedAt = FeedFormats.instant(text(item, "versioncreated"));
        }
        story.headline = item.has("headline") ? text(item, "headline") : preferred(item.path("headlines"), "main");
        if (item.has("body_text")) {
            story.body = text(item, "body_text");
        } else if (item.has("body_html")) {
            story.body = Html.toText(text(item, "body_html"));
        } else {
            story.body = body(item.path("bodies"));
        }
        story.byline = item.has("byline") ? text(item, "byline") : first(item.path("bylines"), "byline");
        story.dateline = text(item, "located");
        JsonNode slug = item.get("slugline");
        if (slug != null && slug.isTextual()) {
            story.metadata.put("slugline", slug.asText());
        }
        return story;
    }

    /** The value of the entry with that role, else of the first entry. */
    private static String preferred(JsonNode entries, String role) {
        for (JsonNode entry : entries) {
            if (role.equals(text(entry, "role"))) {
                return text(entry, "value");
            }
        }
        return first(entries, "value");
    }

    /** Plain text when a body offers it, else HTML reduced to paragraphs. */
    private static String body(JsonNode bodies) {
        String html = null;
        for (JsonNode body : bodies) {
            String type = text(body, "contenttype");
            if (type == null || type.startsWith("text/plain")) {
                return text(body, "value");
            }
            if (html == null && type.startsWith("text/html")) {
                html = text(body, "value");
            }
        }
        return Html.toText(html);
    }

    private static String first(JsonNode entries, String field) {
        return entries.isArray() && !entries.isEmpty() ? text(entries.get(0), field) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
