package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.ChangeSite;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Entry;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Region;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.RollbackSite;
import dev.lifeguard.analyzer.model.SourceFile;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an XML changelog with the JDK's StAX parser, once: DOCTYPE refused (no entity can pull in a file or
 * a URL), no DTD or XSD ever fetched, so a changelog without xsi:schemaLocation loads like any other. It
 * builds the same ParsedNode tree Liquibase's XMLChangeLogSAXHandler builds (attributes as children, then
 * child elements, then the trimmed text as value) and records where every element starts and ends.
 */
final class XmlChangelogReader {
    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlChangelogReader() {
    }

    /**
     * Deeper than any real changelog (changeSet, rollback, preconditions nest a handful of levels); a top-level
     * entry that goes deeper is reported and left out, and the entries around it still load.
     */
    static final int MAX_DEPTH = 100;

    private record Element(String name, Map<String, String> attributes, List<Element> children, StringBuilder text,
                           int start, int startTagEnd, int[] endTagStart, int[] end, String namespace, boolean[] tooDeep) {
    }

    /** Liquibase's own namespace; an element in any other one is an extension's (or a foreign one). */
    private static final String LIQUIBASE_NAMESPACE = "http://www.liquibase.org/xml/ns/dbchangelog";

    static ChangelogDocument read(SourceFile file) throws ChangelogException {
        return read(file, (line, message) -> { });
    }

    /** @param problems told of top-level entries left out (nested deeper than {@link #MAX_DEPTH}) */
    static ChangelogDocument read(SourceFile file, java.util.function.BiConsumer<Integer, String> problems)
            throws ChangelogException {
        Element root = parse(file);
        if (!"databaseChangeLog".equals(root.name())) {
            throw new ChangelogException("\"databaseChangeLog\" expected as root element, found \"" + root.name() + "\"",
                    file.lineOf(root.start()));
        }
        try {
            ParsedNode rootNode = new ParsedNode(null, root.name());
            for (Map.Entry<String, String> a : root.attributes().entrySet()) {
                rootNode.addChild(null, a.getKey(), a.getValue());
            }
            List<Entry> entries = new ArrayList<>();
            for (Element e : root.children()) {
                if (e.tooDeep()[0]) {
                    problems.accept(file.lineOf(e.start()), e.name() + " nests elements more than " + MAX_DEPTH
                            + " levels deep: not read");
                } else if ("modifyChangeSets".equals(e.name())) {
                    for (Element inner : e.children()) {
                        entries.add(entry(file, inner));
                    }
                } else {
                    entries.add(entry(file, e));
                }
            }
            return new ChangelogDocument(file, rootNode, entries);
        } catch (ParsedNodeException e) {
            throw new ChangelogException(e.getMessage(), file.lineOf(root.start()));
        }
    }

    private static Entry entry(SourceFile file, Element e) throws ParsedNodeException {
        List<ChangeSite> changes = new ArrayList<>();
        List<RollbackSite> rollbacks = new ArrayList<>();
        if ("changeSet".equals(e.name())) {
            for (Element child : e.children()) {
                if ("rollback".equals(child.name())) {
                    List<ChangeSite> inner = new ArrayList<>();
                    for (Element c : child.children()) {
                        inner.add(site(file, c));
                    }
                    boolean hasText = !child.text().toString().isBlank();
                    boolean blank = !hasText && inner.isEmpty() && !child.attributes().containsKey("changeSetId");
                    rollbacks.add(new RollbackSite(span(file, child), hasText && inner.isEmpty() ? content(child) : null,
                            inner, blank));
                } else if (!ChangelogDocument.CHANGESET_STRUCTURE.contains(child.name())) {
                    changes.add(site(file, child));
                }
            }
        }
        return new Entry(e.name(), node(e), span(file, e), changes, rollbacks);
    }

    private static ChangeSite site(SourceFile file, Element e) {
        Region sql = "sql".equals(e.name()) ? content(e) : null;
        boolean custom = "customChange".equals(e.name());
        String ns = e.namespace() == null || e.namespace().isEmpty() || e.namespace().startsWith(LIQUIBASE_NAMESPACE)
                && !e.namespace().startsWith(LIQUIBASE_NAMESPACE + "-ext") ? null : e.namespace();
        return new ChangeSite(e.name(), span(file, e), sql, custom, ns, custom ? e.attributes().get("class") : null);
    }

    /** The ParsedNode Liquibase's SAX handler would build; customChange is left out (loading it runs a class). */
    private static ParsedNode node(Element e) throws ParsedNodeException {
        ParsedNode node = new ParsedNode(null, e.name());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            node.addChild(null, a.getKey(), a.getValue());
        }
        for (Element child : e.children()) {
            if (!"customChange".equals(child.name())) {
                node.addChild(node(child));
            }
        }
        String text = e.text().toString().trim();
        if (!text.isEmpty()) {
            node.setValue(text);
        }
        return node;
    }

    private static dev.lifeguard.analyzer.model.SourceSpan span(SourceFile file, Element e) {
        return file.span(e.start(), e.end()[0]);
    }

    private static Region content(Element e) {
        return new Region(e.startTagEnd(), e.endTagStart()[0]);
    }

    private static Element parse(SourceFile file) throws ChangelogException {
        String text = file.text();
        Deque<Element> stack = new ArrayDeque<>();
        Element root = null;
        Element entry = null; // the top-level element being read
        int skipped = 0; // depth below MAX_DEPTH of the element being skipped
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(text));
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        int at = text.indexOf("<!DOCTYPE");
                        throw new ChangelogException(
                                "DOCTYPE declarations are not allowed in changelogs (entities could read files outside the project)",
                                at >= 0 ? file.lineOf(at) : line(r.getLocation()));
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (skipped > 0 || stack.size() >= MAX_DEPTH) {
                            skipped++;
                            if (entry != null) {
                                entry.tooDeep()[0] = true;
                            }
                            continue;
                        }
                        int tagEnd = offset(file, r.getLocation());
                        int start = Math.max(0, text.lastIndexOf('<', Math.max(0, tagEnd - 1)));
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        Element el = new Element(r.getLocalName(), attrs, new ArrayList<>(), new StringBuilder(),
                                start, tagEnd, new int[]{tagEnd}, new int[]{tagEnd}, r.getNamespaceURI(), new boolean[1]);
                        if (stack.isEmpty()) {
                            root = el;
                        } else {
                            if (stack.size() == 1) {
                                entry = el;
                            }
                            stack.peek().children().add(el);
                        }
                        stack.push(el);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (skipped > 0) {
                            skipped--;
                            continue;
                        }
                        Element el = stack.pop();
                        int end = offset(file, r.getLocation());
                        el.end()[0] = end;
                        boolean selfClosing = end == el.startTagEnd() && end >= 2 && text.charAt(end - 2) == '/';
                        el.endTagStart()[0] = selfClosing ? end : Math.max(el.startTagEnd(), text.lastIndexOf("</", end - 1));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty() && skipped == 0) {
                            stack.peek().text().append(r.getText());
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing Liquibase reads
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ChangelogException("malformed XML: " + cleanMessage(e), line(e.getLocation()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a string reader
                }
            }
        }
        if (root == null) {
            throw new ChangelogException("empty XML file", 1);
        }
        return root;
    }

    private static int offset(SourceFile file, Location l) {
        return file.offsetOf(Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber()));
    }

    private static int line(Location l) {
        return l == null ? 0 : Math.max(0, l.getLineNumber());
    }

    /** The JDK prefixes messages with "ParseError at [row,col]:[..]\nMessage: "; the line is reported apart. */
    private static String cleanMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + "Message: ".length()).trim() : m.trim();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // DTDs are refused above anyway
        }
        return f;
    }
}
