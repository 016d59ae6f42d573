package io.newsflow.ingest.format;

import java.util.Locale;
import java.util.Map;

/**
 * What an input's type says about its format before a byte of it is read: a file's extension, an HTTP
 * {@code Content-Type}, a format named by the sender. Where the type says something, it wins over the content: a
 * {@code .txt} story headlined {@code <ACME CORP> 4TH QTR NET} is text, and a {@code .txt} file that begins with
 * {@code <?xml} is text too.
 */
public enum StoryType {
    TEXT,
    NINJS,
    HTML,
    /** NewsML-G2, RSS or Atom: the document element tells which. */
    XML,
    /** The type says nothing (no extension, an octet stream, a feed): the content decides. */
    UNKNOWN;

    private static final Map<String, StoryType> EXTENSIONS = Map.of(
            "txt", TEXT,
            "text", TEXT,
            "json", NINJS,
            "html", HTML,
            "htm", HTML,
            "xhtml", HTML,
            "xml", XML,
            "rss", XML,
            "atom", XML);

    /** By the extension of the path's last segment, case-insensitively; {@link #UNKNOWN} for any other. */
    public static StoryType ofFileName(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            // No extension, or a name such as ".txt" that is all extension.
            return UNKNOWN;
        }
        return EXTENSIONS.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
