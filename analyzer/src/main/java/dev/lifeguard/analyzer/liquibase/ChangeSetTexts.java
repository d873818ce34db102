package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.SourceFile;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text of each changeSet in a changelog, keyed as migrations name them ({@code id::author}), read
 * without Liquibase's runtime: enough to tell whether a changeSet that already existed at a base revision
 * was edited since (its old text comes from git, and is never loaded as a project).
 */
public final class ChangeSetTexts {
    private ChangeSetTexts() {
    }

    /**
     * The changeSets of an XML, YAML, JSON or formatted SQL changelog; empty when the text is not a
     * changelog or cannot be read (a broken old version simply has nothing to compare with).
     */
    public static Optional<Map<String, String>> of(Path file, String text) {
        SourceFile source = new SourceFile(file, SourceReader.withoutBom(text));
        Optional<ChangelogFormat> format = ChangelogFormat.detect(file, source.text());
        if (format.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            switch (format.get()) {
                case FORMATTED_SQL -> {
                    for (FormattedSqlLoader.Header h : FormattedSqlLoader.headers(source)) {
                        // the blank lines before the next header are not the changeSet's: appending one after
                        // the last changeSet must not read as an edit of it
                        int end = FormattedSqlLoader.trimEnd(source.text(), h.start(), h.bodyEnd());
                        texts.putIfAbsent(h.id() + "::" + h.author(), source.text().substring(h.start(), end));
                    }
                }
                case XML, YAML, JSON -> {
                    ChangelogDocument doc = format.get() == ChangelogFormat.XML
                            ? XmlChangelogReader.read(source) : YamlChangelogReader.read(source);
                    for (ChangelogDocument.Entry e : doc.entries()) {
                        if (e.isChangeSet() && e.span().hasOffsets()) {
                            texts.putIfAbsent(value(e.node(), "id") + "::" + value(e.node(), "author"),
                                    source.text().substring(e.span().startOffset(), e.span().endOffset()));
                        }
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (ChangelogException | RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
        return Optional.of(texts);
    }

    private static String value(ParsedNode node, String name) {
        try {
            Object v = node == null ? null : node.getChildValue(null, name);
            return v == null ? "null" : v.toString();
        } catch (ParsedNodeException e) {
            return "null";
        }
    }
}
