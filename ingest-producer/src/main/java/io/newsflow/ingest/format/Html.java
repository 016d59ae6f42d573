package io.newsflow.ingest.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** HTML fragments (RSS descriptions, ninjs body_html) to plain paragraphs, with jsoup. */
final class Html {

    private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre";

    private Html() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        return paragraphs(Jsoup.parseBodyFragment(html).body());
    }

    /** The text of the block elements under {@code root}, one paragraph each; its whole text when it has none. */
    static String paragraphs(Element root) {
        List<String> paragraphs = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        Set<Element> isBlock = Collections.newSetFromMap(new IdentityHashMap<>());
        isBlock.addAll(blocks);
        for (Element block : blocks) {
            // A block inside another block (a p in a blockquote) is already part of the outer one's text.
            if (block.parents().stream().noneMatch(isBlock::contains)) {
                String text = block.text().strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        return paragraphs.isEmpty() ? root.text().strip() : String.join("\n\n", paragraphs);
    }
}
