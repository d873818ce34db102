package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.ChangeSite;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Entry;
import dev.lifeguard.analyzer.liquibase.ChangelogItem.Include;
import dev.lifeguard.analyzer.liquibase.ChangelogItem.Inherited;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import liquibase.ContextExpression;
import liquibase.Labels;
import liquibase.change.Change;
import liquibase.change.DbmsTargetedChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.DatabaseList;
import liquibase.parser.core.ParsedNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * Hands an XML/YAML/JSON changelog to Liquibase one top-level entry at a time, so a broken changeSet is a
 * problem at its own line and the rest of the file still loads, and turns each changeSet into a
 * Migration whose changes carry the spans read from the file. Includes are not given to Liquibase: the
 * loader follows them itself, inside the root.
 */
final class DocumentLoader {
    private final LoadContext ctx;
    private final ChangeTranslator translator;
    private final ReverseBuilder reverses;

    DocumentLoader(LoadContext ctx, ChangeTranslator translator, ReverseBuilder reverses) {
        this.ctx = ctx;
        this.translator = translator;
        this.reverses = reverses;
    }

    List<ChangelogItem> load(ChangelogDocument doc, ChangelogFormat format, ChangeLogParameters params, Inherited inherited) {
        SourceFile file = doc.file();
        DatabaseChangeLog log = new KnownChanges.ChangeLog(ctx.root.logical(ctx.root.path().resolve(file.path())));
        log.setChangeLogParameters(params);
        try {
            log.load(doc.root(), ctx.runtime.accessor());
        } catch (Exception e) {
            ctx.problem(file.path(), 1, "invalid changelog attributes: " + message(e));
        }
        List<Entry> entries = new ArrayList<>(doc.entries());
        if (format != ChangelogFormat.XML) {
            // Liquibase's YAML parser reads every property before anything else
            entries.sort((a, b) -> Boolean.compare(!"property".equals(a.name()), !"property".equals(b.name())));
        }
        List<ChangelogItem> items = new ArrayList<>();
        List<Precondition> guards = new ArrayList<>();
        for (Entry entry : entries) {
            switch (entry.name()) {
                case "include", "includeAll" -> items.add(include(entry, params, log));
                case "changeSet" -> changeSet(entry, file, log, inherited, guards).ifPresent(items::add);
                default -> {
                    try {
                        log.handleChildNodeHelper(entry.node(), ctx.runtime.accessor(), new HashMap<>());
                    } catch (Exception | LinkageError e) {
                        ctx.problem(entry.span(), "invalid " + entry.name() + ": " + message(e));
                    }
                    if ("preConditions".equals(entry.name()) || "preconditions".equals(entry.name())) {
                        PreconditionReader.read(log.getPreconditions(), true, entry.span()).ifPresent(p -> {
                            guards.add(p);
                            items.add(new ChangelogItem.Guard(p));
                        });
                    }
                }
            }
        }
        return items;
    }

    private java.util.Optional<ChangelogItem> changeSet(Entry entry, SourceFile file, DatabaseChangeLog log, Inherited inherited,
                                                        List<Precondition> guards) {
        // Liquibase appends: the new changeSet is past the ones already there (a set of those, built for every
        // changeSet, made a changelog's load time grow with the square of its changeSets)
        int before = log.getChangeSets().size();
        try {
            log.handleChildNodeHelper(entry.node(), ctx.runtime.accessor(), new HashMap<>());
        } catch (Exception | LinkageError e) {
            ctx.problem(entry.span(), "invalid changeSet: " + message(e));
            return java.util.Optional.empty();
        }
        List<ChangeSet> all = log.getChangeSets();
        if (all.size() <= before) {
            return java.util.Optional.empty();
        }
        ChangeSet cs = all.get(before);
        String changelogContext = changelogContext(log);
        if (!inherited.accepted(ctx.filter, cs, changelogContext)) {
            return java.util.Optional.empty(); // not run with the contexts / labels configured
        }
        return java.util.Optional.of(new ChangelogItem.Step(migration(cs, entry, file, changelogContext,
                guards, inherited)));
    }

    /** The changelog's own context expression (databaseChangeLog context="..."), null when it has none. */
    static String changelogContext(DatabaseChangeLog log) {
        ContextExpression e = log.getContextFilter();
        return e == null || e.isEmpty() ? null : e.toString();
    }

    private Migration migration(ChangeSet cs, Entry entry, SourceFile file, String changelogContext,
                                List<Precondition> guards, Inherited inherited) {
        Set<String> known = LiquibaseRuntime.definedChanges();
        List<Change> changes = cs.getChanges();
        List<Operation> ops = new ArrayList<>();
        boolean opaque = false;
        int next = 0;
        int modifyColumns = 0;
        for (ChangeSite site : entry.changes()) {
            if (site.withheld()) {
                // a Java class we will not load: its effect is unknown, but it is there, and said so
                String javaClass = site.javaClass() == null || site.javaClass().isBlank() ? null : site.javaClass().trim();
                ops.add(new Operation.NotModelled(site.span(), "custom change " + (javaClass == null ? "(no class)" : javaClass),
                        javaClass));
                opaque = true;
            } else if (!known.contains(site.name()) && "modifyColumn".equals(site.name())) {
                ParsedNode node = nthDescendant(entry.node(), "modifyColumn", modifyColumns++);
                ops.addAll(node == null ? List.of(new Operation.Other(site.span(), "MODIFY COLUMN", true, null))
                        : translator.modifyColumn(node, site.span()));
            } else if (!known.contains(site.name()) && site.namespace() != null) {
                // an extension's change type: Liquibase runs it where the extension is installed
                ops.add(new Operation.NotModelled(site.span(), "change type " + site.name() + " of extension "
                        + site.namespace(), null));
                opaque = true;
            } else if (!known.contains(site.name())) {
                ctx.problem(site.span(), "unknown change type '" + site.name() + "'");
                ops.add(new Operation.Other(site.span(), ChangeTranslator.kind(site.name()), true, null));
                opaque = true;
            } else if (next < changes.size() && site.name().equals(changes.get(next).getSerializedObjectName())) {
                Change change = changes.get(next++);
                if (runsOn(change)) {
                    ops.addAll(translator.translate(change, file, site.span(), site.sql()));
                }
            }
        }
        for (; next < changes.size(); next++) { // a change we could not place: still read, at the changeSet
            if (runsOn(changes.get(next))) {
                ops.addAll(translator.translate(changes.get(next), file, entry.span(), null));
            }
        }
        Reverse reverse = reverses.reverse(cs, file, entry.rollbacks(), opaque);
        return inherited.migration(cs, changelogContext, guards, entry.span(), ops, reverse);
    }

    /** The n-th node of that name below the changeSet's, in document order, outside rollbacks. */
    private static ParsedNode nthDescendant(ParsedNode node, String name, int n) {
        List<ParsedNode> found = new ArrayList<>();
        collect(node, name, found);
        return n < found.size() ? found.get(n) : null;
    }

    private static void collect(ParsedNode node, String name, List<ParsedNode> found) {
        for (ParsedNode child : node.getChildren()) {
            if (name.equals(child.getName())) {
                found.add(child);
            } else if (!"rollback".equals(child.getName())) {
                collect(child, name, found);
            }
        }
    }

    /** A change limited to other databases (dbms="mysql" on a PostgreSQL run) does not run here. */
    private boolean runsOn(Change change) {
        return !(change instanceof DbmsTargetedChange t)
                || DatabaseList.definitionMatches(t.getDbms(), ctx.runtime.shortName(), true);
    }

    /** An include entry with its attributes; params may be null (no ${property} expansion yet). */
    static Include include(Entry entry, ChangeLogParameters params, DatabaseChangeLog log) {
        ParsedNode n = entry.node();
        boolean all = "includeAll".equals(entry.name());
        String path = expand(value(n, all ? "path" : "file"), params, log);
        String context = value(n, "contextFilter");
        if (context == null) {
            context = value(n, "context");
        }
        return new Include(entry.span(), all, path, bool(value(n, "relativeToChangelogFile"), false),
                bool(value(n, all ? "errorIfMissingOrEmpty" : "errorIfMissing"), true),
                contexts(expand(context, params, log)), labels(expand(value(n, "labels"), params, log)),
                integer(value(n, "minDepth"), 0), integer(value(n, "maxDepth"), Integer.MAX_VALUE),
                expand(value(n, "endsWithFilter"), params, log));
    }

    private static String value(ParsedNode n, String name) {
        try {
            Object v = n.getChildValue(null, name);
            return v == null ? null : v.toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static String expand(String value, ChangeLogParameters params, DatabaseChangeLog log) {
        if (value == null || params == null || !value.contains("${")) {
            return value;
        }
        try {
            return params.expandExpressions(value, log);
        } catch (Exception e) {
            return value;
        }
    }

    private static boolean bool(String v, boolean dflt) {
        return v == null ? dflt : Boolean.parseBoolean(v.trim());
    }

    private static int integer(String v, int dflt) {
        try {
            return v == null ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** The include's context expression as one, kept whole: it must hold as written, commas and all. */
    private static Set<String> contexts(String expression) {
        return expression == null || expression.isBlank() ? Set.of() : Set.of(expression.trim());
    }

    private static Set<String> labels(String expression) {
        return expression == null ? Set.of() : new Labels(expression).getLabels();
    }

    static String message(Throwable e) {
        return dev.lifeguard.analyzer.Failures.describe(e);
    }
}
