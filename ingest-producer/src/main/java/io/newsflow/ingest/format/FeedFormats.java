package io.newsflow.ingest.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The XML formats: NewsML-G2 news items, RSS 2.0 and Atom 1.0 feeds. Each item or entry is one story. */
final class FeedFormats {

    private FeedFormats() {
    }

    /** A {@code newsItem}, or a {@code newsMessage} carrying several. */
    static List<StoryFields> newsMl(XmlNode root) {
        List<XmlNode> items = root.name.equals("newsItem") ? List.of(root) : descendants(root, "newsItem");
        List<StoryFields> stories = new ArrayList<>();
        for (XmlNode item : items) {
            StoryFields story = new StoryFields();
            story.guid = item.attribute("guid");
            story.version = number(item.attribute("version"));
            story.language = item.attribute("lang");
            XmlNode meta = item.child("contentMeta");
            if (meta != null) {
                story.headline = XmlNode.text(meta.child("headline"));
                story.byline = XmlNode.text(meta.child("by"));
                story.dateline = XmlNode.text(meta.child("dateline"));
                XmlNode language = meta.child("language");
                if (story.language == null && language != null) {
                    story.language = language.attribute("tag");
                }
            }
            XmlNode itemMeta = item.child("itemMeta");
            if (itemMeta != null) {
                story.publishedAt = instant(XmlNode.text(itemMeta.child("firstCreated")));
                if (story.publishedAt == null) {
                    story.publishedAt = instant(XmlNode.text(itemMeta.child("versionCreated")));
                }
            }
            XmlNode contentSet = item.child("contentSet");
            if (contentSet != null) {
                XmlNode inlineXml = contentSet.child("inlineXML");
                XmlNode inlineData = contentSet.child("inlineData");
                if (inlineXml != null) {
                    XmlNode bodyContent = inlineXml.find("body.content");
                    story.body = (bodyContent != null ? bodyContent : inlineXml).text();
                } else if (inlineData != null) {
                    story.body = inlineData.text();
                }
            }
            stories.add(story);
        }
        return stories;
    }

    static List<StoryFields> rss(XmlNode root) {
        XmlNode channel = root.child("channel");
        List<StoryFields> stories = new ArrayList<>();
        for (XmlNode item : channel == null ? List.<XmlNode>of() : channel.children("item")) {
            StoryFields story = new StoryFields();
            story.guid = XmlNode.text(item.child("guid"));
            story.sourceUri = XmlNode.text(item.child("link"));
            if (story.guid == null) {
                story.guid = story.sourceUri;
            }
            story.headline = XmlNode.text(item.child("title"));
            XmlNode encoded = item.child("encoded");
            story.body = Html.toText(XmlNode.text(encoded != null ? encoded : item.child("description")));
            story.byline = XmlNode.text(item.child("creator"));
            if (story.byline == null) {
                story.byline = XmlNode.text(item.child("author"));
            }
            story.publishedAt = rfc1123(XmlNode.text(item.child("pubDate")));
            stories.add(story);
        }
        return stories;
    }

    /** Atom has no version number; an entry's {@code updated} time orders its revisions, so it serves as one. */
    static List<StoryFields> atom(XmlNode root) {
        String feedLanguage = root.attribute("lang");
        List<StoryFields> stories = new ArrayList<>();
        for (XmlNode entry : root.children("entry")) {
            StoryFields story = new StoryFields();
            story.guid = XmlNode.text(entry.child("id"));
            story.headline = XmlNode.text(entry.child("title"));
            Instant updated = instant(XmlNode.text(entry.child("updated")));
            story.version = updated == null ? null : updated.toEpochMilli();
            story.publishedAt = instant(XmlNode.text(entry.child("published")));
            if (story.publishedAt == null) {
                story.publishedAt = updated;
            }
            story.language = entry.attribute("lang") != null ? entry.attribute("lang") : feedLanguage;
            XmlNode author = entry.child("author");
            story.byline = author == null ? null : XmlNode.text(author.child("name"));
            for (XmlNode link : entry.children("link")) {
                String rel = link.attribute("rel");
                if (rel == null || rel.equals("alternate")) {
                    story.sourceUri = link.attribute("href");
                }
            }
            XmlNode content = entry.child("content") != null ? entry.child("content") : entry.child("summary");
            if (content != null) {
                String type = content.attribute("type");
                story.body = "html".equals(type) ? Html.toText(content.text()) : content.text();
            }
            stories.add(story);
        }
        return stories;
    }

    private static List<XmlNode> descendants(XmlNode node, String name) {
        List<XmlNode> found = new ArrayList<>();
        for (Object item : node.content) {
            if (item instanceof XmlNode child) {
                if (child.name.equals(name)) {
                    found.add(child);
                } else {
                    found.addAll(descendants(child, name));
                }
            }
        }
        return found;
    }

    static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant rfc1123(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
