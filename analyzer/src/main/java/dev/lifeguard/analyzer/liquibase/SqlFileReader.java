package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Region;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.change.core.SQLFileChange;
import liquibase.changelog.ChangeSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sqlFile change: the file is resolved like an include (next to the changelog, or classpath-style),
 * read only when it stays inside the root, recorded as a source, and parsed in place so its statements
 * carry their own lines.
 */
final class SqlFileReader {
    private final LoadContext ctx;

    SqlFileReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    List<Operation> read(SQLFileChange change, SourceFile changelog, SourceSpan at) {
        String written = change.getPath();
        if (written == null || written.isBlank()) {
            return refuse(at, "sqlFile has no path");
        }
        Path changelogAbs = ctx.root.path().resolve(changelog.path());
        Path dir = changelogAbs.getParent();
        boolean relative = Boolean.TRUE.equals(change.isRelativeToChangelogFile());
        if (ctx.root.escapes(dir, written, relative)) {
            return refuse(at, "sqlFile path leaves the project root: " + written);
        }
        Optional<Path> target = relative ? ctx.root.resolve(dir, written) : ctx.root.findOnClasspath(changelogAbs, written);
        if (target.isEmpty() || !Files.isRegularFile(target.get())) {
            return refuse(at, "sqlFile not found: " + written);
        }
        SourceFile sql;
        try {
            sql = ctx.read(target.get());
        } catch (SourceReader.Refused e) {
            return refuse(at, "sqlFile " + written + " " + e.getMessage() + ": not read");
        } catch (IOException e) {
            return refuse(at, "cannot read sqlFile " + written + ": " + SourceReader.reason(e));
        }
        String executed = expanded(change, sql.text());
        if (executed.equals(sql.text())) {
            return SqlText.parse(ctx.sql, sql, new Region(0, sql.text().length()), executed, change.getEndDelimiter(), at);
        }
        return SqlText.parse(ctx.sql, sql, null, executed, change.getEndDelimiter(), at); // ${properties} changed the text
    }

    private static String expanded(SQLFileChange change, String text) {
        ChangeSet cs = change.getChangeSet();
        if (!text.contains("${") || cs == null || cs.getChangeLogParameters() == null) {
            return text;
        }
        try {
            return cs.getChangeLogParameters().expandExpressions(text, cs.getChangeLog());
        } catch (Exception e) {
            return text;
        }
    }

    private List<Operation> refuse(SourceSpan at, String message) {
        ctx.problem(at, message);
        return List.of(new Operation.Other(at, "SQL FILE", true, null));
    }
}
