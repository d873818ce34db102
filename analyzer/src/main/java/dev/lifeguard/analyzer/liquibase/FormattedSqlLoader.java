package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Region;
import dev.lifeguard.analyzer.liquibase.ChangelogItem.Inherited;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.EmptyChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formatted SQL changelogs ({@code --liquibase formatted sql}) and plain .sql files reached through an
 * include. Liquibase's own parser reads the changeSet attributes and rollbacks; the changeSet bodies are
 * parsed in place from the file (the {@code --rollback} and other directive lines are SQL comments), so
 * every statement keeps its exact span.
 */
final class FormattedSqlLoader {
    /** Liquibase's CHANGE_SET_REGEX: {@code --changeset author:id attributes}. */
    private static final Pattern CHANGESET = Pattern.compile(
            "\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("\\s*--[\\s]*rollback\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK_BLOCK_START = Pattern.compile("\\s*/\\*\\s*liquibase\\s*rollback\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_NUMBER = Pattern.compile("line (\\d+)");
    /** Any line Liquibase takes for a changeSet header, well-formed or not: where one changeSet ends. */
    private static final Pattern ANY_CHANGESET = Pattern.compile("(?i)\\s*--\\s*changeset\\b.*");

    private final LoadContext ctx;

    FormattedSqlLoader(LoadContext ctx) {
        this.ctx = ctx;
    }

    record Header(int line, int start, int bodyStart, int bodyEnd, String author, String id) {
    }

    List<ChangelogItem> load(SourceFile file, ChangeLogParameters params, Inherited inherited) {
        DatabaseChangeLog log;
        try {
            log = new FormattedSqlChangeLogParser().parse(ctx.root.logical(ctx.root.path().resolve(file.path())), params,
                    ctx.runtime.accessor());
        } catch (Exception | LinkageError e) {
            return changeSetByChangeSet(file, params, inherited, e);
        }
        return items(file, log.getChangeSets(), headers(file), inherited);
    }

    /**
     * Liquibase refuses a whole file for one bad changeSet (a malformed header, an empty body): each changeSet
     * is then given to it alone, with the file's other lines blanked so line numbers hold, and only the bad
     * ones are reported, each at its own line with Liquibase's reason.
     */
    private List<ChangelogItem> changeSetByChangeSet(SourceFile file, ChangeLogParameters params, Inherited inherited,
                                                     Throwable whole) {
        List<Integer> starts = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            if (ANY_CHANGESET.matcher(file.line(line)).matches()) {
                starts.add(line);
            }
        }
        List<Header> headers = headers(file);
        List<ChangelogItem> items = new ArrayList<>();
        int problemsBefore = ctx.problems.size();
        String logical = ctx.root.logical(ctx.root.path().resolve(file.path()));
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : file.lineCount() + 1;
            StringBuilder alone = new StringBuilder();
            for (int line = 1; line <= file.lineCount(); line++) {
                if (line < starts.get(0) || line >= from && line < to) {
                    alone.append(file.line(line));
                }
                alone.append('\n');
            }
            try {
                DatabaseChangeLog log = new FormattedSqlChangeLogParser().parse(logical, params,
                        new ConfinedResourceAccessor(ctx.root, java.util.Map.of(file.path(), alone.toString())));
                List<Header> own = headers.stream().filter(h -> h.line() == from).toList();
                items.addAll(items(file, log.getChangeSets(), own, inherited));
            } catch (Exception | LinkageError e) {
                Matcher line = LINE_NUMBER.matcher(String.valueOf(e.getMessage()));
                int at = line.find() ? Integer.parseInt(line.group(1)) : from;
                ctx.problem(file.path(), at >= from && at < to ? at : from,
                        "invalid formatted SQL changeSet: " + DocumentLoader.message(e));
            }
        }
        if (ctx.problems.size() == problemsBefore) { // no changeSet alone is at fault: the file as a whole is
            Matcher line = LINE_NUMBER.matcher(String.valueOf(whole.getMessage()));
            ctx.problem(file.path(), line.find() ? Integer.parseInt(line.group(1)) : 1,
                    "invalid formatted SQL changelog: " + DocumentLoader.message(whole));
        }
        return items;
    }

    private List<ChangelogItem> items(SourceFile file, List<ChangeSet> changeSets, List<Header> headers, Inherited inherited) {
        List<ChangelogItem> items = new ArrayList<>();
        for (int i = 0; i < changeSets.size(); i++) {
            ChangeSet cs = changeSets.get(i);
            Header h = headers.size() == changeSets.size() ? headers.get(i) : find(headers, cs);
            if (h == null) {
                ctx.problem(file.path(), 1, "cannot place changeSet " + cs.getId() + "::" + cs.getAuthor() + " in the file");
                continue;
            }
            if (inherited.accepted(ctx.filter, cs, null)) {
                items.add(new ChangelogItem.Step(migration(file, cs, h, inherited)));
            }
        }
        return items;
    }

    /** A plain .sql file included into a changelog: Liquibase runs it whole as one changeSet, "raw::includeAll". */
    static Migration plainSql(LoadContext ctx, SourceFile file) {
        List<Operation> ops = SqlText.parseInPlace(ctx.sql, file, new Region(0, file.text().length()), null);
        return new Migration("raw::includeAll", null, null, Framework.LIQUIBASE, Migration.Kind.CHANGESET,
                file.span(0, Math.max(1, file.text().length())), true, Set.of(), Set.of(), Set.of(), false, ops, Reverse.none());
    }

    private Migration migration(SourceFile file, ChangeSet cs, Header h, Inherited inherited) {
        SourceSpan span = file.span(h.start(), Math.max(h.start() + 1, trimEnd(file.text(), h.start(), h.bodyEnd())));
        List<Operation> ops = new ArrayList<>();
        for (Change change : cs.getChanges()) {
            if (change instanceof AbstractSQLChange sql) {
                String body = file.text().substring(h.bodyStart(), h.bodyEnd());
                if (body.contains("${")) {
                    ops.addAll(SqlText.parse(ctx.sql, file, null, sql.getSql(), sql.getEndDelimiter(), span));
                } else {
                    ops.addAll(SqlText.parseInPlace(ctx.sql, file, new Region(h.bodyStart(), h.bodyEnd()), sql.getEndDelimiter()));
                }
            }
        }
        return inherited.migration(cs, null, List.of(), span, ops, reverse(file, cs, h, span));
    }

    private Reverse reverse(SourceFile file, ChangeSet cs, Header h, SourceSpan changeSetSpan) {
        List<Change> rollback = cs.getRollback().getChanges();
        if (rollback.isEmpty()) {
            return ReverseBuilder.automatic(cs.getChanges(), false) ? Reverse.automatic() : Reverse.none();
        }
        SourceSpan span = rollbackSpan(file, h);
        if (span == null) {
            span = changeSetSpan;
        }
        if (rollback.stream().allMatch(c -> c instanceof EmptyChange)) {
            return new Reverse(Reverse.Kind.IRREVERSIBLE_ON_PURPOSE, span, List.of());
        }
        List<Operation> ops = new ArrayList<>();
        for (Change c : rollback) {
            if (c instanceof AbstractSQLChange sql) {
                ops.addAll(SqlText.parse(ctx.sql, file, null, sql.getSql(), sql.getEndDelimiter(), span));
            }
        }
        return new Reverse(Reverse.Kind.ROLLBACK_BLOCK, span, ops);
    }

    /** From the first {@code --rollback} line (or rollback comment block) to the last one. */
    private static SourceSpan rollbackSpan(SourceFile file, Header h) {
        int first = -1;
        int last = -1;
        boolean inBlock = false;
        for (int line = file.lineOf(h.bodyStart()); line <= file.lineCount(); line++) {
            int start = file.offsetOf(line, 1);
            if (start >= h.bodyEnd()) {
                break;
            }
            String text = file.line(line);
            boolean rollbackLine = inBlock || ROLLBACK.matcher(text).matches() || ROLLBACK_BLOCK_START.matcher(text).matches();
            if (ROLLBACK_BLOCK_START.matcher(text).matches()) {
                inBlock = true;
            }
            if (inBlock && text.contains("*/")) {
                inBlock = false;
            }
            if (rollbackLine) {
                if (first < 0) {
                    first = start;
                }
                last = start + text.length();
            }
        }
        return first < 0 ? null : file.span(first, Math.max(first + 1, last));
    }

    static List<Header> headers(SourceFile file) {
        List<Header> found = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            Matcher m = CHANGESET.matcher(file.line(line));
            if (m.matches()) {
                int start = file.offsetOf(line, 1);
                int bodyStart = line < file.lineCount() ? file.offsetOf(line + 1, 1) : file.text().length();
                found.add(new Header(line, start, bodyStart, file.text().length(), unquote(m.group(1)), unquote(m.group(2))));
            }
        }
        // a changeSet's body ends at the next header line, well-formed or not
        for (int i = 0; i < found.size(); i++) {
            Header h = found.get(i);
            int end = file.text().length();
            for (int line = h.line() + 1; line <= file.lineCount(); line++) {
                if (ANY_CHANGESET.matcher(file.line(line)).matches()) {
                    end = file.offsetOf(line, 1);
                    break;
                }
            }
            found.set(i, new Header(h.line(), h.start(), h.bodyStart(), end, h.author(), h.id()));
        }
        return found;
    }

    private static Header find(List<Header> headers, ChangeSet cs) {
        for (Header h : headers) {
            if (h.id().equals(cs.getId()) && h.author().equals(cs.getAuthor())) {
                return h;
            }
        }
        return null;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
