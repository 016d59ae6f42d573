package io.newsflow.ingest.source;

import io.newsflow.schemas.InputFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The story format a sender declared, from a {@code Content-Type} or a format name. Generic types (XML, JSON
 * without a profile, octet streams) and an absent declaration leave the format to the parser to recognize.
 */
public final class MediaTypes {

    /** A declaration that names no format this pipeline knows, e.g. {@code image/png}. */
    public static final class UnknownFormatException extends Exception {
        UnknownFormatException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, InputFormat> CONTENT_TYPES = Map.ofEntries(
            Map.entry("text/plain", InputFormat.PLAIN_TEXT),
            Map.entry("application/ninjs+json", InputFormat.NINJS),
            Map.entry("application/vnd.iptc.g2.newsitem+xml", InputFormat.NEWSML_G2),
            Map.entry("application/vnd.iptc.g2.newsmessage+xml", InputFormat.NEWSML_G2),
            Map.entry("application/rss+xml", InputFormat.RSS),
            Map.entry("application/atom+xml", InputFormat.ATOM),
            Map.entry("text/html", InputFormat.HTML),
            Map.entry("application/xhtml+xml", InputFormat.HTML));

    private static final Set<String> GENERIC_CONTENT_TYPES = Set.of(
            "application/octet-stream", "application/xml", "text/xml", "application/json");

    private static final Map<String, InputFormat> NAMES = Map.of(
            "text", InputFormat.PLAIN_TEXT,
            "plain_text", InputFormat.PLAIN_TEXT,
            "ninjs", InputFormat.NINJS,
            "newsml", InputFormat.NEWSML_G2,
            "newsml_g2", InputFormat.NEWSML_G2,
            "rss", InputFormat.RSS,
            "atom", InputFormat.ATOM,
            "html", InputFormat.HTML);

    private MediaTypes() {
    }

    /** @return the declared format, or {@code null} when the header is absent or generic */
    public static InputFormat fromContentType(String header) throws UnknownFormatException {
        if (header == null || header.isBlank()) {
            return null;
        }
        String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        InputFormat format = CONTENT_TYPES.get(type);
        if (format == null && !GENERIC_CONTENT_TYPES.contains(type)) {
            throw new UnknownFormatException("unsupported content type: " + type);
        }
        return format;
    }

    /** A format named by a user, such as {@code ninjs}, {@code newsml-g2}, {@code rss} or {@code text}. */
    public static InputFormat fromName(String name) throws UnknownFormatException {
        InputFormat format = NAMES.get(name.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        if (format == null) {
            throw new UnknownFormatException("unknown format: " + name + " (known: " + new TreeSet<>(NAMES.keySet()) + ")");
        }
        return format;
    }
}
