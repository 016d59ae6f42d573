package io.newsflow.ingest.source;

import io.newsflow.ingest.format.StoryType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a sender's {@code Content-Type} or format name says of a story's format. {@code text/plain} is text whatever
 * the body looks like; the XML types (NewsML-G2, RSS, Atom, or plain {@code application/xml}) leave the document
 * element to tell which; an octet stream or no declaration leaves the whole format to the content.
 */
public final class MediaTypes {

    /** A declaration that names no format this pipeline knows, e.g. {@code image/png}. */
    public static final class UnknownFormatException extends Exception {
        UnknownFormatException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, StoryType> CONTENT_TYPES = Map.ofEntries(
            Map.entry("text/plain", StoryType.TEXT),
            Map.entry("application/ninjs+json", StoryType.NINJS),
            Map.entry("application/json", StoryType.NINJS),
            Map.entry("application/vnd.iptc.g2.newsitem+xml", StoryType.XML),
            Map.entry("application/vnd.iptc.g2.newsmessage+xml", StoryType.XML),
            Map.entry("application/rss+xml", StoryType.XML),
            Map.entry("application/atom+xml", StoryType.XML),
            Map.entry("application/xml", StoryType.XML),
            Map.entry("text/xml", StoryType.XML),
            Map.entry("text/html", StoryType.HTML),
            Map.entry("application/xhtml+xml", StoryType.HTML),
            Map.entry("application/octet-stream", StoryType.UNKNOWN));

    private static final Map<String, StoryType> NAMES = Map.of(
            "text", StoryType.TEXT,
            "plain_text", StoryType.TEXT,
            "ninjs", StoryType.NINJS,
            "newsml", StoryType.XML,
            "newsml_g2", StoryType.XML,
            "rss", StoryType.XML,
            "atom", StoryType.XML,
            "html", StoryType.HTML);

    private MediaTypes() {
    }

    /** @return {@link StoryType#UNKNOWN} when the header is absent */
    public static StoryType fromContentType(String header) throws UnknownFormatException {
        if (header == null || header.isBlank()) {
            return StoryType.UNKNOWN;
        }
        String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        StoryType story = CONTENT_TYPES.get(type);
        if (story == null) {
            throw new UnknownFormatException("unsupported content type: " + type);
        }
        return story;
    }

    /** A format named by a user, such as {@code ninjs}, {@code newsml-g2}, {@code rss} or {@code text}. */
    public static StoryType fromName(String name) throws UnknownFormatException {
        StoryType format = NAMES.get(name.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        if (format == null) {
            throw new UnknownFormatException("unknown format: " + name + " (known: " + new TreeSet<>(NAMES.keySet()) + ")");
        }
        return format;
    }
}
