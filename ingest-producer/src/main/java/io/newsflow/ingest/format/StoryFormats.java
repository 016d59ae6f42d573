package io.newsflow.ingest.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes the format of one input and reads the stories in it: plain text, IPTC ninjs JSON, NewsML-G2, RSS 2.0,
 * Atom 1.0 or an HTML article page.
 *
 * <p>The input's type decides where it says something ({@link StoryType}: a file's extension, a declared media
 * type); the XML formats are then told apart by their document element. Where the type says nothing, the content
 * decides: JSON that parses is ninjs, a document element that is one of the formats' (by name and namespace) or an
 * HTML DOCTYPE makes that format, an XML declaration or any other DOCTYPE makes XML (to be rejected as unsupported
 * or unsafe, not read as a story), and anything else is text. No first character decides: a wire story headlined
 * {@code <ACME CORP> 4TH QTR NET} is text.
 */
public final class StoryFormats {

    /**
     * The stories of one input. A feed item that cannot become an article is rejected on its own (its source is
     * the input's with {@code #N}, N counting items from 1) and does not cost the other items.
     */
    public record Parsed(InputFormat format, List<RawArticle> articles, List<Rejection> rejections) {
    }

    private static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
    private static final String NEWSML_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/";
    private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
    /** HTML's DOCTYPE, in any case as HTML allows (XML does not, so the XML reader cannot be asked). */
    private static final Pattern HTML_DOCTYPE = Pattern.compile("\\A\uFEFF?\\s*<!DOCTYPE\\s+html(?![\\w-])",
            Pattern.CASE_INSENSITIVE);
    private static final int DOCTYPE_SEARCH_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StoryFormats() {
    }

    /**
     * @param file the input's path: its extension is its type
     * @throws RejectedStoryException when the input as a whole cannot be read (bad encoding, malformed, unsafe)
     */
    public static Parsed parse(String file, byte[] bytes, Instant receivedAt) throws RejectedStoryException {
        return parse(file, bytes, StoryType.ofFileName(file), receivedAt);
    }

    /**
     * @param source where the input came from, recorded on its articles and rejections; never looked at for its type
     * @param type   what the input's type says
     */
    public static Parsed parse(String source, byte[] bytes, StoryType type, Instant receivedAt)
            throws RejectedStoryException {
        // Recognizing never answers UNKNOWN.
        return switch (type == StoryType.UNKNOWN ? recognize(bytes) : type) {
            case TEXT -> single(PlainTextFormat.parse(source, bytes, receivedAt));
            case HTML -> single(HtmlFormat.parse(Utf8.decode(bytes)).toArticle(source, InputFormat.HTML, receivedAt));
            case NINJS -> items(source, InputFormat.NINJS, NinjsFormat.parse(Utf8.decode(bytes)), receivedAt);
            case XML, UNKNOWN -> xml(source, bytes, receivedAt);
        };
    }

    /** The type of an input whose type says nothing, from its content. */
    private static StoryType recognize(byte[] bytes) {
        XmlNode.Prolog prolog = XmlNode.prolog(bytes);
        if (prolog.name() != null) {
            InputFormat format = xmlFormat(prolog.namespace(), prolog.name());
            if (format == InputFormat.HTML) {
                return StoryType.HTML;
            }
            if (format != null) {
                return StoryType.XML;
            }
        }
        // An HTML page is seldom well-formed XML: its DOCTYPE is enough, whatever its first tag looks like.
        String head = new String(bytes, 0, Math.min(bytes.length, DOCTYPE_SEARCH_BYTES), StandardCharsets.UTF_8);
        if (HTML_DOCTYPE.matcher(head).lookingAt()) {
            return StoryType.HTML;
        }
        if (prolog.declaration() || prolog.doctype()) {
            return StoryType.XML;
        }
        return isJson(bytes) ? StoryType.NINJS : StoryType.TEXT;
    }

    /** Parses as one JSON object or array and nothing after it. */
    private static boolean isJson(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            return tree != null && tree.isContainerNode();
        } catch (IOException e) {
            return false;
        }
    }

    /** The format a document element makes, by its name and namespace; null for none of ours. */
    private static InputFormat xmlFormat(String namespace, String name) {
        return switch (name) {
            case "rss" -> namespace.isEmpty() ? InputFormat.RSS : null;
            case "feed" -> namespace.equals(ATOM_NAMESPACE) ? InputFormat.ATOM : null;
            case "newsItem", "newsMessage" -> namespace.equals(NEWSML_NAMESPACE) ? InputFormat.NEWSML_G2 : null;
            case "html" -> namespace.isEmpty() || namespace.equals(XHTML_NAMESPACE) ? InputFormat.HTML : null;
            default -> null;
        };
    }

    private static Parsed xml(String source, byte[] bytes, Instant receivedAt) throws RejectedStoryException {
        XmlNode root = XmlNode.parse(bytes);
        InputFormat format = xmlFormat(root.namespace, root.name);
        if (format == null) {
            throw new RejectedStoryException("unsupported XML document <" + root.name + ">"
                    + (root.namespace.isEmpty() ? "" : " in namespace " + root.namespace)
                    + ": expected a NewsML-G2 newsItem or newsMessage (namespace " + NEWSML_NAMESPACE
                    + "), an RSS 2.0 rss or an Atom 1.0 feed (namespace " + ATOM_NAMESPACE + ")");
        }
        return switch (format) {
            case RSS -> items(source, format, FeedFormats.rss(root), receivedAt);
            case ATOM -> items(source, format, FeedFormats.atom(root), receivedAt);
            case NEWSML_G2 -> items(source, format, FeedFormats.newsMl(root), receivedAt);
            default -> single(HtmlFormat.parse(Utf8.decode(bytes)).toArticle(source, InputFormat.HTML, receivedAt));
        };
    }

    private static Parsed single(RawArticle article) {
        return new Parsed(article.getFormat(), List.of(article), List.of());
    }

    private static Parsed items(String source, InputFormat format, List<StoryFields> stories, Instant receivedAt)
            throws RejectedStoryException {
        if (stories.isEmpty()) {
            throw new RejectedStoryException("no stories: the " + format + " document holds no item");
        }
        if (stories.size() == 1) {
            return single(stories.get(0).toArticle(source, format, receivedAt));
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
