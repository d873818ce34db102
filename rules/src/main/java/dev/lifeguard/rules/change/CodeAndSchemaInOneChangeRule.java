package dev.lifeguard.rules.change;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.change.GitException;
import dev.lifeguard.analyzer.change.LineDiff;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.ProjectContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One change ships both a migration and the application code. Deployed together, the new code runs
 * against the old schema while the migration is pending (or the old code against the new schema during
 * a rolling deploy): expand / contract needs them in separate deploys. Runs only when there is a change
 * under review ({@code --since}, {@code --staged}). The related locations are the code lines the change
 * touched; when one of them names a table or column a migration of the change touches, the message says
 * which: that is what ties the two halves.
 */
@RuleInfo(
        id = "code-and-schema-in-one-change",
        summary = "One change touches both migrations and application code",
        severity = Severity.WARNING,
        tags = {"change", "deployment"},
        help = "Ship the migration in its own change and deploy it first; change the code in a later one")
public final class CodeAndSchemaInOneChangeRule implements Rule {
    /** Files named in the message itself; all of them are related locations. */
    private static final int NAMED = 5;
    /** Changed regions shown per file. */
    private static final int HUNKS_PER_FILE = 3;
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A name a migration of the change touches, and how ({@code users.phone}, {@code V2__phone.sql adds}). */
    private record Touched(String name, String what) {
    }

    /** A changed code line that names a touched table or column. */
    private record Tie(Path file, int line, Touched touched) {
    }

    @Override
    public void visitProject(ProjectContext ctx) {
        Change change = ctx.options().change();
        if (change == null) {
            return;
        }
        List<FileChange> code = change.files().stream().filter(f -> ApplicationCode.is(f.path()))
                .filter(f -> !ctx.project().sources().containsKey(f.path())).toList();
        if (code.isEmpty()) {
            return;
        }
        Migration first = firstChangedMigration(ctx);
        if (first == null) {
            return;
        }
        Map<String, Touched> touched = touchedNames(ctx);
        List<RelatedLocation> related = new ArrayList<>();
        Tie tie = null;
        for (FileChange f : code) {
            if (!f.present()) {
                related.add(new RelatedLocation(SourceSpan.startOf(f.path()), "application code deleted"));
                continue;
            }
            String before = f.oldPath() == null ? null : change.baseTexts().read(f.oldPath()).orElse(null);
            String after = headText(ctx, change, f.path()).orElse(null);
            if (after == null) {
                related.add(new RelatedLocation(SourceSpan.startOf(f.path()), "application code changed here"));
                continue;
            }
            List<LineDiff.Hunk> hunks = LineDiff.between(before, after).stream().filter(LineDiff.Hunk::inserts).toList();
            String[] lines = after.split("\r?\n", -1);
            int shown = 0;
            for (LineDiff.Hunk h : hunks) {
                Tie found = tie(f.path(), lines, h, touched);
                if (tie == null && found != null) {
                    tie = found;
                }
                if (shown++ < HUNKS_PER_FILE) {
                    int line = found != null ? found.line() : h.from();
                    related.add(new RelatedLocation(lineSpan(f.path(), line, h.to() >= line ? h.to() : line, lines),
                            found != null ? "application code changed here names " + found.touched().name()
                                    : "application code changed here"));
                }
            }
            if (hunks.isEmpty()) {
                related.add(new RelatedLocation(SourceSpan.startOf(f.path()), "application code changed here"));
            }
        }
        String named = code.stream().limit(NAMED).map(CodeAndSchemaInOneChangeRule::describe)
                .collect(Collectors.joining(", "));
        String more = code.size() > NAMED ? " and " + (code.size() - NAMED) + " more" : "";
        String ties = tie == null ? "" : "; " + slash(tie.file()) + ":" + tie.line() + " names " + tie.touched().name()
                + ", which " + tie.touched().what();
        ctx.report(Spans.firstLine(first.span(), ctx.project()),
                "the change under review ships migrations together with application code: "
                        + named + more + ties + "; deployed together, old and new code meet a schema they were not"
                        + " written for",
                null, null, related);
    }

    /** The text of a file in the version being deployed: the git index for --staged, else the working tree. */
    private static Optional<String> headText(ProjectContext ctx, Change change, Path file) {
        if (change.headTree() != null) {
            try {
                byte[] bytes = change.headTree().read(List.of(file), SourceReader.MAX_BYTES).get(file);
                return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
            } catch (GitException e) {
                return Optional.empty();
            }
        }
        Path abs = ctx.project().root().resolve(file).normalize();
        try {
            if (!abs.startsWith(ctx.project().root()) || Files.size(abs) > SourceReader.MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(SourceReader.lenient(Files.readAllBytes(abs)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first line of a changed region that names a touched table or column, or null. */
    private static Tie tie(Path file, String[] lines, LineDiff.Hunk h, Map<String, Touched> touched) {
        if (touched.isEmpty()) {
            return null;
        }
        for (int line = h.from(); line <= h.to() && line <= lines.length; line++) {
            Matcher m = WORD.matcher(lines[line - 1]);
            while (m.find()) {
                String word = m.group();
                Touched t = touched.get(word.toLowerCase(Locale.ROOT));
                if (t == null) {
                    t = touched.get(snake(word));
                }
                if (t != null) {
                    return new Tie(file, line, t);
                }
            }
        }
        return null;
    }

    /** The tables and columns the migrations under review create, drop, rename or retype, by lower-case name. */
    private static Map<String, Touched> touchedNames(ProjectContext ctx) {
        Map<String, Touched> out = new LinkedHashMap<>();
        for (History history : ctx.project().histories()) {
            for (Migration m : history.migrations()) {
                if (!ctx.review().covers(m)) {
                    continue;
                }
                String where = slash(m.file().getFileName());
                for (Operation op : m.operations()) {
                    if (op instanceof Operation.CreateTable c) {
                        put(out, c.table().name(), c.table().toString(), where + " creates");
                    } else if (op instanceof Operation.DropTable d) {
                        d.tables().forEach(t -> put(out, t.name(), t.toString(), where + " drops"));
                    } else if (op instanceof Operation.RenameTable r) {
                        put(out, r.from().name(), r.from().toString(), where + " renames to " + r.to());
                        put(out, r.to().name(), r.to().toString(), where + " renames " + r.from() + " to");
                    } else if (op instanceof Operation.AddColumn a) {
                        put(out, a.column().name(), a.table() + "." + a.column().name(), where + " adds");
                    } else if (op instanceof Operation.DropColumn d) {
                        put(out, d.column(), d.table() + "." + d.column(), where + " drops");
                    } else if (op instanceof Operation.RenameColumn r) {
                        put(out, r.from(), r.table() + "." + r.from(), where + " renames to " + r.to());
                        put(out, r.to(), r.table() + "." + r.to(), where + " renames " + r.from() + " to");
                    } else if (op instanceof Operation.AlterColumnType a) {
                        put(out, a.column(), a.table() + "." + a.column(), where + " changes the type of");
                    }
                }
            }
        }
        return out;
    }

    private static void put(Map<String, Touched> out, String key, String name, String what) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.length() > 2 && !k.equals("id")) {
            out.putIfAbsent(k, new Touched(name, what));
        }
    }

    /** {@code phoneNumber} as the default naming strategy maps it: {@code phone_number}. */
    private static String snake(String word) {
        return word.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static SourceSpan lineSpan(Path file, int from, int to, String[] lines) {
        int last = Math.min(to, lines.length);
        int endColumn = last >= 1 ? lines[last - 1].length() + 1 : 1;
        return new SourceSpan(file, from, 1, Math.max(from, last), Math.max(1, endColumn), -1, -1);
    }

    /** The first migration under review: a changeSet the change appended, not the old ones of its file. */
    private static Migration firstChangedMigration(ProjectContext ctx) {
        for (History history : ctx.project().histories()) {
            for (Migration m : history.migrations()) {
                if (ctx.review().covers(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String describe(FileChange f) {
        String path = slash(f.path());
        return f.status() == FileChange.Status.DELETED ? path + " (deleted)" : path;
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
