package io.newsflow.ingest.format;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article page. The story is the page's {@code <article>} (or its {@code articleBody}, or {@code <main>}),
 * with navigation, asides, figures and scripts removed; the headline and metadata come from the Open Graph tags
 * news sites carry, falling back to the page itself.
 */
final class HtmlFormat {

    private HtmlFormat() {
    }

    static StoryFields parse(String html) {
        Document page = Jsoup.parse(html);
        StoryFields story = new StoryFields();
        story.headline = meta(page, "meta[property=og:title]");
        Element root = first(page, "article", "[itemprop=articleBody]", "main");
        if (root == null) {
            root = page.body();
        }
        if (story.headline == null) {
            Element h1 = root.selectFirst("h1") != null ? root.selectFirst("h1") : page.selectFirst("h1");
            story.headline = h1 != null ? h1.text() : page.title();
        }
        root.select("nav, aside, figure, figcaption, script, style, form, footer, header, noscript, h1").remove();
        story.body = Html.paragraphs(root);
        Element canonical = page.selectFirst("link[rel=canonical]");
        story.sourceUri = canonical != null ? canonical.attr("href") : meta(page, "meta[property=og:url]");
        story.guid = story.sourceUri;
        story.publishedAt = FeedFormats.instant(meta(page, "meta[property=article:published_time]"));
        story.byline = meta(page, "meta[name=author]");
        String lang = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");
        story.language = lang.isBlank() ? null : lang.split("-")[0];
        return story;
    }

    private static Element first(Document page, String... selectors) {
        for (String selector : selectors) {
            Element found = page.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String meta(Document page, String selector) {
        Element meta = page.selectFirst(selector);
        return meta == null || meta.attr("content").isBlank() ? null : meta.attr("content").strip();
    }
}
