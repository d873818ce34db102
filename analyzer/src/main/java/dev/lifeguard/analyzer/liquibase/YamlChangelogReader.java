package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.ChangeSite;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Entry;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Region;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.RollbackSite;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.parser.core.yaml.CustomConstructYamlTimestamp;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML or JSON changelog (JSON is YAML) with SnakeYAML under bounded limits: Liquibase's own YAML
 * parser sets the alias limit to unlimited, so an alias bomb would run it out of memory. The composed node
 * tree gives every element's position; the values are constructed the way Liquibase constructs them and
 * turned into ParsedNodes by Liquibase's own {@link ParsedNode#setValue}.
 */
final class YamlChangelogReader {
    static final int MAX_ALIASES = 50;
    /**
     * SnakeYAML warns about duplicate keys through java.util.logging, on stderr with a timestamp; held strongly
     * and silenced (the logging forgets the level of a logger nobody references): duplicates are reported as
     * problems with their line instead.
     */
    private static final java.util.logging.Logger SNAKEYAML_LOGGER = java.util.logging.Logger.getLogger(Constructor.class.getName()); // SnakeYAML names it by the constructor's class

    static {
        SNAKEYAML_LOGGER.setLevel(java.util.logging.Level.OFF);
    }
    private static final int MAX_CODE_POINTS = 20 * 1024 * 1024;

    private YamlChangelogReader() {
    }

    /** Liquibase's SafeConstructor setup, with the construction of one node made reachable. */
    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new CustomConstructYamlTimestamp());
        }

        Object build(Node node) {
            return constructDocument(node);
        }
    }

    static LoaderOptions boundedOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // as Liquibase
        options.setProcessComments(false);
        return options;
    }

    static ChangelogDocument read(SourceFile file) throws ChangelogException {
        return read(file, (line, message) -> { });
    }

    /** @param warnings told of what loads but is wrong (a key given twice, of which Liquibase keeps the last) */
    static ChangelogDocument read(SourceFile file, java.util.function.BiConsumer<Integer, String> warnings)
            throws ChangelogException {
        LoaderOptions options = boundedOptions();
        Constructor constructor = new Constructor(options);
        Node rootNode;
        try {
            rootNode = new Yaml(constructor, new org.yaml.snakeyaml.representer.Representer(new DumperOptions()),
                    new DumperOptions(), options).compose(new StringReader(file.text()));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ChangelogException("malformed YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    m == null ? 0 : m.getLine() + 1);
        } catch (RuntimeException e) {
            throw new ChangelogException("malformed YAML: " + firstLine(e.getMessage()), 0);
        }
        if (!(rootNode instanceof MappingNode root)) {
            throw new ChangelogException("no databaseChangeLog key at the top level", 1);
        }
        duplicateKeys(rootNode, warnings);
        Node list = null;
        for (NodeTuple t : root.getValue()) {
            if ("databaseChangeLog".equals(scalar(t.getKeyNode()))) {
                list = t.getValueNode();
            }
        }
        Positions pos = new Positions(file);
        ParsedNode rootParsed = new ParsedNode(null, "databaseChangeLog");
        List<Entry> entries = new ArrayList<>();
        if (list == null || (list instanceof ScalarNode s && s.getTag() == Tag.NULL)) {
            return new ChangelogDocument(file, rootParsed, entries);
        }
        if (!(list instanceof SequenceNode seq)) {
            throw new ChangelogException("databaseChangeLog does not contain a list of entries (each changeSet begins with '- changeSet:')",
                    list.getStartMark().getLine() + 1);
        }
        try {
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode m) || m.getValue().isEmpty()) {
                    throw new ChangelogException("unexpected entry under databaseChangeLog", item.getStartMark().getLine() + 1);
                }
                NodeTuple first = m.getValue().get(0);
                String name = scalar(first.getKeyNode());
                Node value = first.getValueNode();
                if (value instanceof ScalarNode) {
                    rootParsed.addChild(null, name, constructor.build(value)); // changelog attribute: logicalFilePath...
                    continue;
                }
                if ("modifyChangeSets".equals(name) && value instanceof MappingNode mv) {
                    for (NodeTuple t : mv.getValue()) {
                        if (t.getValueNode() instanceof SequenceNode inner) {
                            for (Node i : inner.getValue()) {
                                if (i instanceof MappingNode im && !im.getValue().isEmpty()) {
                                    entries.add(entry(pos, constructor, im, scalar(im.getValue().get(0).getKeyNode()),
                                            im.getValue().get(0).getValueNode()));
                                }
                            }
                        }
                    }
                    continue;
                }
                entries.add(entry(pos, constructor, m, name, value));
            }
        } catch (ParsedNodeException | RuntimeException e) {
            throw new ChangelogException("cannot read changelog: " + (e instanceof ParsedNodeException
                    ? firstLine(e.getMessage()) : e instanceof ClassCastException
                    ? "a value of the wrong kind (a list, mapping, number or boolean where Liquibase expects another)"
                    : dev.lifeguard.analyzer.Failures.describe(e)), 0);
        }
        return new ChangelogDocument(file, rootParsed, entries);
    }

    private static Entry entry(Positions pos, Constructor constructor, MappingNode item, String name, Node value)
            throws ParsedNodeException {
        List<ChangeSite> changes = new ArrayList<>();
        List<RollbackSite> rollbacks = new ArrayList<>();
        Object data = constructor.build(item);
        if ("changeSet".equals(name) && value instanceof MappingNode cs) {
            for (NodeTuple t : cs.getValue()) {
                String key = scalar(t.getKeyNode());
                Node v = t.getValueNode();
                if ("changes".equals(key) && v instanceof SequenceNode seq) {
                    for (Node c : seq.getValue()) {
                        if (c instanceof MappingNode cm && !cm.getValue().isEmpty()) {
                            String change = scalar(cm.getValue().get(0).getKeyNode());
                            if (!ChangelogDocument.CHANGESET_STRUCTURE.contains(change)) { // modifySql may sit among changes
                                changes.add(site(pos, cm, change, cm.getValue().get(0).getValueNode()));
                            }
                        }
                    }
                } else if ("rollback".equals(key)) {
                    rollbacks.add(rollback(pos, t));
                } else if (!ChangelogDocument.CHANGESET_STRUCTURE.contains(key) && !(v instanceof ScalarNode)) {
                    changes.add(site(pos, t.getKeyNode(), key, v));
                }
            }
            withholdCustomChanges(data);
        }
        ParsedNode holder = new ParsedNode(null, "databaseChangeLog");
        holder.setValue(List.of(data));
        ParsedNode node = holder.getChildren().isEmpty() ? new ParsedNode(null, name) : holder.getChildren().get(0);
        return new Entry(name, node, pos.span(item, value), changes, rollbacks);
    }

    private static ChangeSite site(Positions pos, Node start, String name, Node value) {
        Region sql = null;
        if ("sql".equals(name)) {
            Node text = value;
            if (value instanceof MappingNode m) {
                text = null;
                for (NodeTuple t : m.getValue()) {
                    if ("sql".equals(scalar(t.getKeyNode()))) {
                        text = t.getValueNode();
                    }
                }
            }
            sql = text instanceof ScalarNode s ? pos.scalarRegion(s) : null;
        }
        boolean custom = "customChange".equals(name);
        String javaClass = null;
        if (custom && value instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if ("class".equals(scalar(t.getKeyNode())) && t.getValueNode() instanceof ScalarNode s) {
                    javaClass = s.getValue();
                }
            }
        }
        return new ChangeSite(name, pos.span(start, value), sql, custom, null, javaClass);
    }

    private static RollbackSite rollback(Positions pos, NodeTuple t) {
        Node v = t.getValueNode();
        List<ChangeSite> changes = new ArrayList<>();
        Region text = null;
        boolean blank;
        if (v instanceof ScalarNode s) {
            blank = s.getTag() == Tag.NULL || s.getValue().isBlank();
            text = blank ? null : pos.scalarRegion(s);
        } else if (v instanceof SequenceNode seq) {
            for (Node c : seq.getValue()) {
                if (c instanceof MappingNode cm && !cm.getValue().isEmpty()) {
                    changes.add(site(pos, cm, scalar(cm.getValue().get(0).getKeyNode()), cm.getValue().get(0).getValueNode()));
                }
            }
            blank = seq.getValue().isEmpty();
        } else {
            MappingNode m = (MappingNode) v;
            boolean reference = false;
            for (NodeTuple c : m.getValue()) {
                String key = scalar(c.getKeyNode());
                if ("changeSetId".equals(key) || "changeSetAuthor".equals(key) || "changeSetPath".equals(key)) {
                    reference = true;
                } else {
                    changes.add(site(pos, c.getKeyNode(), key, c.getValueNode()));
                }
            }
            blank = changes.isEmpty() && !reference;
        }
        return new RollbackSite(pos.span(t.getKeyNode(), v), text, changes, blank);
    }

    /** customChange names a Java class that Liquibase instantiates while loading: it never reaches Liquibase. */
    @SuppressWarnings("unchecked")
    private static void withholdCustomChanges(Object data) {
        if (data instanceof Map<?, ?> item && item.get("changeSet") instanceof Map<?, ?> cs) {
            ((Map<Object, Object>) cs).remove("customChange");
            if (cs.get("changes") instanceof Collection<?> list) {
                list.removeIf(c -> c instanceof Map<?, ?> m && m.containsKey("customChange"));
            }
        }
    }

    /** Every key written twice in one mapping, at the line of its second occurrence. */
    private static void duplicateKeys(Node top, java.util.function.BiConsumer<Integer, String> warnings) {
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>();
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.push(top);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue; // an alias: its node was checked where it was defined
            }
            if (n instanceof MappingNode m) {
                java.util.Set<String> keys = new java.util.HashSet<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && !keys.add(k.getValue())) {
                        warnings.accept(k.getStartMark().getLine() + 1, "duplicate key '" + k.getValue()
                                + "': Liquibase uses the last value and ignores the earlier ones");
                    }
                    todo.push(t.getValueNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Turns SnakeYAML marks (0-based lines, code-point columns) into character offsets of the file. */
    private static final class Positions {
        private final SourceFile file;

        Positions(SourceFile file) {
            this.file = file;
        }

        int offset(Mark mark) {
            String text = file.text();
            int lineStart = file.offsetOf(mark.getLine() + 1, 1);
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int cps = text.codePointCount(lineStart, lineEnd);
            return text.offsetByCodePoints(lineStart, Math.min(mark.getColumn(), cps));
        }

        /** From the start of {@code start} to the last character of {@code last}'s content. */
        SourceSpan span(Node start, Node last) {
            int length = file.text().length();
            int s = Math.min(offset(start.getStartMark()), length);
            // never past the end: a mark at the end of input (no final line break) has nothing after it
            return file.span(s, Math.min(length, Math.max(s + 1, contentEnd(last))));
        }

        /**
         * A block collection's end mark sits at the next token (after trailing comments and blank lines),
         * so the end is taken from its last value instead; scalars and flow collections end where they say.
         */
        int contentEnd(Node n) {
            if (n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !m.getValue().isEmpty()) {
                return contentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
            }
            if (n instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !s.getValue().isEmpty()) {
                return contentEnd(s.getValue().get(s.getValue().size() - 1));
            }
            int end = offset(n.getEndMark());
            int start = offset(n.getStartMark());
            String text = file.text();
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        /** The raw characters of a scalar: inside quotes, or the lines under a block indicator. */
        Region scalarRegion(ScalarNode s) {
            int start = offset(s.getStartMark());
            int end = contentEnd(s);
            String text = file.text();
            switch (s.getScalarStyle()) {
                case SINGLE_QUOTED, DOUBLE_QUOTED -> {
                    return new Region(Math.min(start + 1, end), Math.max(start + 1, end - 1));
                }
                case LITERAL, FOLDED -> {
                    int nl = text.indexOf('\n', start);
                    int bodyStart = nl < 0 || nl >= end ? end : nl + 1;
                    return new Region(bodyStart, end);
                }
                default -> {
                    return new Region(start, end);
                }
            }
        }
    }
}
