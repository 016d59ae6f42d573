package io.newsflow.ingest.format;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read with StAX under rules that make the classic XML attacks impossible: a document with
 * a DOCTYPE is refused outright (so no entity is ever declared, let alone expanded: no billion laughs), external
 * entities and DTDs are never resolved (no XXE, no network access), and nesting depth is bounded.
 *
 * <p>Feeds and news items are small (bounded by {@code ingest.max.story.bytes}), so a tree is cheaper to read
 * from than a cursor, and the format readers stay declarative.
 */
final class XmlNode {

    private static final int MAX_DEPTH = 64;
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "hl1", "hl2", "block", "section", "tr");
    private static final XMLInputFactory FACTORY = factory();

    /** The element's namespace URI, empty for none. */
    final String namespace;
    final String name;
    final Map<String, String> attributes = new HashMap<>();
    final List<Object> content = new ArrayList<>();

    /**
     * How an input begins, as far as it reads as XML: whether it has an XML declaration and a DOCTYPE, and its
     * document element; {@code name} is null when no element could be read.
     */
    record Prolog(boolean declaration, boolean doctype, String namespace, String name) {
    }

    private XmlNode(String namespace, String name) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((XMLResolver) (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
    }

    /**
     * Reads no further than the document element's start tag, under the same rules as {@link #parse}: the DOCTYPE
     * is reported and never processed, so nothing is declared, expanded or fetched.
     */
    static Prolog prolog(byte[] bytes) {
        boolean declaration = false;
        boolean doctype = false;
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(input(bytes));
            declaration = reader.getVersion() != null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> doctype = true;
                    case XMLStreamConstants.START_ELEMENT -> {
                        String namespace = reader.getNamespaceURI();
                        return new Prolog(declaration, doctype, namespace == null ? "" : namespace,
                                reader.getLocalName());
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            // Not XML from here on; what was read before stands.
        } finally {
            close(reader);
        }
        return new Prolog(declaration, doctype, null, null);
    }

    /** The document element, with the encoding its declaration names (UTF-8 by default). */
    static XmlNode parse(byte[] bytes) throws RejectedStoryException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(input(bytes));
            List<XmlNode> open = new ArrayList<>();
            XmlNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new RejectedStoryException(
                            "unsafe XML: a DOCTYPE is refused (entity declarations and external DTDs are never processed)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new RejectedStoryException(
                            "unsafe XML: entity reference &" + reader.getLocalName() + "; is refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() == MAX_DEPTH) {
                            throw new RejectedStoryException("malformed XML: nested deeper than " + MAX_DEPTH);
                        }
                        XmlNode node = new XmlNode(reader.getNamespaceURI(), reader.getLocalName());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            node.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            open.get(open.size() - 1).content.add(node);
                        }
                        open.add(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.get(open.size() - 1).content.add(reader.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new RejectedStoryException("malformed XML: no document element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new RejectedStoryException("malformed XML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        } finally {
            close(reader);
        }
    }

    /**
     * The bytes without the blank lines some feed generators put before the XML declaration, which would make the
     * document malformed. A blank is one ASCII byte in the encodings feeds declare (UTF-8, the ISO-8859 family);
     * UTF-16 begins with its byte-order mark, so nothing is skipped there.
     */
    private static ByteArrayInputStream input(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\n'
                || bytes[start] == '\r')) {
            start++;
        }
        return new ByteArrayInputStream(bytes, start, bytes.length - start);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing left to release: the input is an in-memory array.
            }
        }
    }

    XmlNode child(String localName) {
        for (Object item : content) {
            if (item instanceof XmlNode node && node.name.equals(localName)) {
                return node;
            }
        }
        return null;
    }

    List<XmlNode> children(String localName) {
        List<XmlNode> found = new ArrayList<>();
        for (Object item : content) {
            if (item instanceof XmlNode node && node.name.equals(localName)) {
                found.add(node);
            }
        }
        return found;
    }

    /** The first element of that name anywhere below this one, depth first. */
    XmlNode find(String localName) {
        for (Object item : content) {
            if (item instanceof XmlNode node) {
                if (node.name.equals(localName)) {
                    return node;
                }
                XmlNode below = node.find(localName);
                if (below != null) {
                    return below;
                }
            }
        }
        return null;
    }

    String attribute(String localName) {
        return attributes.get(localName);
    }

    /** The text below this element, with a paragraph break at each block element and whitespace tidied. */
    String text() {
        StringBuilder out = new StringBuilder();
        appendText(out);
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private void appendText(StringBuilder out) {
        for (Object item : content) {
            if (item instanceof XmlNode node) {
                boolean block = BLOCKS.contains(node.name);
                if (block) {
                    out.append("\n\n");
                }
                node.appendText(out);
                if (block) {
                    out.append("\n\n");
                }
            } else {
                out.append(((String) item).replace('\n', ' '));
            }
        }
    }

    static String text(XmlNode node) {
        return node == null ? null : node.text();
    }
}
