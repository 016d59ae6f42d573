package io.newsflow.ingest;

import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes the format of one input (by its name, else by its first bytes) and reads the stories in it: plain
 * text, IPTC ninjs JSON, NewsML-G2, RSS 2.0, Atom 1.0 or an HTML article page.
 */
public final class StoryFormats {

    /**
     * The stories of one input. A feed item that cannot become an article is rejected on its own (its source is
     * the input's with {@code #N}, N counting items from 1) and does not cost the other items.
     */
    public record Parsed(InputFormat format, List<RawArticle> articles, List<Rejection> rejections) {
    }

    private static final int SNIFF_CHARS = 2048;

    private StoryFormats() {
    }

    /** @throws RejectedStoryException when the input as a whole cannot be read (bad encoding, malformed, unsafe) */
    public static Parsed parse(String source, byte[] bytes, Instant receivedAt) throws RejectedStoryException {
        return parse(source, bytes, null, receivedAt);
    }

    /**
     * @param declared the format the source declared (an HTTP content type, a feed's kind), or null to recognize it;
     *                 RSS, Atom and NewsML-G2 are told apart by their document element either way
     */
    public static Parsed parse(String source, byte[] bytes, InputFormat declared, Instant receivedAt)
            throws RejectedStoryException {
        InputFormat format = declared == null ? detect(source, bytes) : declared;
        return switch (format) {
            case PLAIN_TEXT -> single(format, PlainTextFormat.parse(source, bytes, receivedAt));
            case HTML -> single(format, HtmlFormat.parse(Utf8.decode(bytes)).toArticle(source, format, receivedAt));
            case NINJS -> items(source, format, NinjsFormat.parse(Utf8.decode(bytes)), receivedAt);
            case NEWSML_G2, RSS, ATOM, OTHER -> xml(source, bytes, receivedAt);
        };
    }

    private static Parsed xml(String source, byte[] bytes, Instant receivedAt) throws RejectedStoryException {
        XmlNode root = XmlNode.parse(bytes);
        return switch (root.name) {
            case "rss" -> items(source, InputFormat.RSS, FeedFormats.rss(root), receivedAt);
            case "feed" -> items(source, InputFormat.ATOM, FeedFormats.atom(root), receivedAt);
            case "newsItem", "newsMessage" -> items(source, InputFormat.NEWSML_G2, FeedFormats.newsMl(root), receivedAt);
            default -> throw new RejectedStoryException("unsupported XML document <" + root.name + ">: expected "
                    + "a NewsML-G2 newsItem, an RSS 2.0 or an Atom 1.0 feed");
        };
    }

    static InputFormat detect(String source, byte[] bytes) {
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return InputFormat.HTML;
        }
        if (name.endsWith(".json")) {
            return InputFormat.NINJS;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_CHARS), StandardCharsets.UTF_8);
        int start = 0;
        while (start < head.length() && (head.charAt(start) == '\uFEFF' || Character.isWhitespace(head.charAt(start)))) {
            start++;
        }
        if (head.startsWith("{", start) || head.startsWith("[", start)) {
            return InputFormat.NINJS;
        }
        if (head.regionMatches(true, start, "<!doctype html", 0, 14) || head.regionMatches(true, start, "<html", 0, 5)) {
            return InputFormat.HTML;
        }
        if (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom") || head.startsWith("<", start)) {
            return InputFormat.OTHER;
        }
        return InputFormat.PLAIN_TEXT;
    }

    private static Parsed single(InputFormat format, RawArticle article) {
        return new Parsed(format, List.of(article), List.of());
    }

    private static Parsed items(String source, InputFormat format, List<StoryFields> stories, Instant receivedAt)
            throws RejectedStoryException {
        if (stories.isEmpty()) {
            throw new RejectedStoryException("no stories: the " + format + " document holds no item");
        }
        if (stories.size() == 1) {
            return single(format, stories.get(0).toArticle(source, format, receivedAt));
        }
        List<RawArticle> articles = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            String itemSource = source + "#" + (i + 1);
            try {
                articles.add(stories.get(i).toArticle(itemSource, format, receivedAt));
            } catch (RejectedStoryException e) {
                rejections.add(new Rejection(itemSource, e.getMessage(), receivedAt));
            }
        }
        return new Parsed(format, articles, rejections);
    }
}
